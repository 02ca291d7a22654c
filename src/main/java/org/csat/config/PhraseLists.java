package org.csat.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.csat.text.TextNormalizer;

/**
 * Phrase lists for the conversation signals, one file per signal and language:
 * {@code conf/phrases/<signal>/<lang>.txt}, one phrase a line, {@code #} comments.
 * The bundled lists are read from the classpath; a {@code phrases/} folder next to an
 * override config file replaces the bundled file of the same signal and language.
 * Phrases are stored normalized ({@link TextNormalizer}) and match as whole words; a phrase
 * in a script written without spaces between words (Chinese, Japanese, Thai, ...) matches
 * anywhere in the text instead, as such text has no word boundaries to match on.
 */
public final class PhraseLists implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Signals that have phrase lists, one folder each under {@code conf/phrases/}. */
    public static final List<String> SIGNALS = List.of(
            "asked_for_human",
            "gratitude",
            "resolution_confirmed",
            "unresolved",
            "frustration",
            "goodbye",
            "closing_offer",
            "bot_fallback",
            "acknowledged",
            "redirected",
            "callback_promised",
            "apology");

    /** Languages looked for; a missing file means no phrases for that language. */
    public static final List<String> LANGUAGES =
            List.of("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl", "zh", "ja");

    /** Scripts written without spaces between words: their phrases match anywhere in a text. */
    private static final Set<Character.UnicodeScript> SPACELESS_SCRIPTS = EnumSet.of(
            Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA,
            Character.UnicodeScript.KATAKANA,
            Character.UnicodeScript.THAI,
            Character.UnicodeScript.LAO,
            Character.UnicodeScript.KHMER,
            Character.UnicodeScript.MYANMAR,
            Character.UnicodeScript.TIBETAN);

    private final Map<String, Map<String, List<String>>> bySignal;

    private PhraseLists(Map<String, Map<String, List<String>>> bySignal) {
        this.bySignal = bySignal;
    }

    static PhraseLists load(Path overrideDir) {
        Map<String, Map<String, List<String>>> bySignal = new TreeMap<>();
        for (String signal : SIGNALS) {
            Map<String, List<String>> byLanguage = new TreeMap<>();
            for (String language : LANGUAGES) {
                List<String> phrases = readOverride(overrideDir, signal, language);
                if (phrases == null) {
                    phrases = readBundled(signal, language);
                }
                if (phrases != null && !phrases.isEmpty()) {
                    byLanguage.put(language, phrases);
                }
            }
            bySignal.put(signal, Collections.unmodifiableMap(byLanguage));
        }
        return new PhraseLists(Collections.unmodifiableMap(bySignal));
    }

    private static List<String> readOverride(Path dir, String signal, String language) {
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(signal).resolve(language + ".txt");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read phrase list " + file, e);
        }
    }

    private static List<String> readBundled(String signal, String language) {
        String resource = "conf/phrases/" + signal + "/" + language + ".txt";
        try (InputStream in = PhraseLists.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled phrase list " + resource, e);
        }
    }

    private static List<String> parse(InputStream in) throws IOException {
        List<String> phrases = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String normalized = TextNormalizer.normalize(trimmed);
            if (!normalized.isEmpty()) {
                phrases.add(normalized);
            }
        }
        return Collections.unmodifiableList(phrases);
    }

    /**
     * The phrases of {@code signal} for {@code language} (primary subtag, e.g. "en" for
     * "en-GB"); English as a fallback when the language has no list or is unknown.
     */
    public List<String> phrases(String signal, String language) {
        Map<String, List<String>> byLanguage = bySignal.get(signal);
        if (byLanguage == null) {
            throw new IllegalArgumentException("no phrase lists for signal '" + signal + "'");
        }
        String primary = LanguageSettings.primarySubtag(language);
        List<String> english = byLanguage.getOrDefault("en", List.of());
        return primary == null ? english : byLanguage.getOrDefault(primary, english);
    }

    /** Whether normalized {@code text} contains any phrase of {@code signal} as whole words. */
    public boolean matches(String signal, String language, String text) {
        return countMatches(signal, language, text) > 0;
    }

    /** How many of the phrases occur in {@code text} (each phrase counted once). */
    public int countMatches(String signal, String language, String text) {
        String normalized = TextNormalizer.normalize(text);
        String padded = " " + normalized + " ";
        int count = 0;
        for (String phrase : phrases(signal, language)) {
            if (isSpaceless(phrase) ? normalized.contains(phrase) : padded.contains(" " + phrase + " ")) {
                count++;
            }
        }
        return count;
    }

    /** Whether a phrase has a letter of a script written without spaces between words. */
    static boolean isSpaceless(String phrase) {
        return phrase.codePoints().anyMatch(c -> SPACELESS_SCRIPTS.contains(Character.UnicodeScript.of(c)));
    }
}
