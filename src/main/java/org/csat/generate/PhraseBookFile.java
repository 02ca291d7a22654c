package org.csat.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a language's {@link PhraseBook} from {@code generate/<language>.txt} on the classpath,
 * so that wording is edited as text, like the pipeline's own lists under {@code conf/phrases},
 * rather than as Java string literals.
 *
 * <p>The format is sections of lines. {@code [NAME]} opens the pool of a {@link Phrase};
 * {@code [agent names]} the agents' first names; {@code [TOPIC problems]}, {@code [TOPIC bot
 * answer]} and {@code [TOPIC resolutions]} the wording of a {@link Topic}. Each following line is
 * one wording, in the order the generator draws from, so reordering lines changes the output.
 * Lines are read without surrounding whitespace, and blank lines and lines starting with
 * {@code #} are skipped; a line wrapped in double quotes stands for exactly what is between
 * them, which is how {@code ""} writes the empty wording and {@code " x "} keeps its spaces.
 *
 * <p>A line the format does not allow (an unknown or repeated section, a wording outside any
 * section, an empty section) fails with the file and line; a pool or topic the file leaves out
 * fails through {@link PhraseBook.Builder#build()}, which names the file.
 */
final class PhraseBookFile {
    private static final String AGENT_NAMES = "agent names";

    private PhraseBookFile() {}

    static PhraseBook read(String language) {
        String resource = "generate/" + language + ".txt";
        InputStream in = PhraseBookFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no phrase book " + resource + " on the classpath");
        }
        // A file saved in another encoding would otherwise turn accents into replacement characters.
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, utf8))) {
            return parse(resource, reader.lines().toList());
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read " + resource + " as UTF-8", e);
        }
    }

    /** The book written in {@code lines}; {@code source} names the file in failures. */
    static PhraseBook parse(String source, List<String> lines) {
        PhraseBook.Builder book = PhraseBook.builder(source);
        Map<String, Integer> headerLines = new HashMap<>();
        String header = null;
        int headerLine = 0;
        List<String> wordings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                if (header != null) {
                    fill(book, source, header, headerLine, wordings);
                }
                header = text.substring(1, text.length() - 1);
                headerLine = lineNumber;
                Integer first = headerLines.putIfAbsent(header, lineNumber);
                if (first != null) {
                    throw new IllegalStateException(
                            at(source, lineNumber) + "[" + header + "] already appears on line " + first);
                }
                wordings = new ArrayList<>();
            } else if (header == null) {
                throw new IllegalStateException(at(source, lineNumber) + "wording before the first [section]");
            } else {
                wordings.add(unquote(text));
            }
        }
        if (header != null) {
            fill(book, source, header, headerLine, wordings);
        }
        return book.build();
    }

    /** Hands one section's wording to the builder, or fails naming the section's line. */
    private static void fill(PhraseBook.Builder book, String source, String header, int line, List<String> wordings) {
        if (wordings.isEmpty()) {
            throw new IllegalStateException(at(source, line) + "[" + header + "] has no wording");
        }
        if (header.equals(AGENT_NAMES)) {
            book.agentNames(wordings);
            return;
        }
        Phrase phrase = constant(Phrase.class, header);
        if (phrase != null) {
            book.add(phrase, wordings);
            return;
        }
        int space = header.indexOf(' ');
        Topic topic = space < 0 ? null : constant(Topic.class, header.substring(0, space));
        String part = space < 0 ? "" : header.substring(space + 1);
        if (topic != null && part.equals("problems")) {
            book.problems(topic, wordings);
        } else if (topic != null && part.equals("bot answer")) {
            book.botAnswer(topic, wordings);
        } else if (topic != null && part.equals("resolutions")) {
            book.resolutions(topic, wordings);
        } else {
            throw new IllegalStateException(at(source, line) + "unknown section [" + header + "]; expected a pool"
                    + " from Phrase, [" + AGENT_NAMES + "], or a topic from Topic followed by"
                    + " problems, bot answer or resolutions");
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private static String unquote(String text) {
        boolean quoted = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
        return quoted ? text.substring(1, text.length() - 1) : text;
    }

    private static String at(String source, int line) {
        return source + " line " + line + ": ";
    }
}
