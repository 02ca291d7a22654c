package org.csat.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists {@link LexiconSentiment} reads, loaded once per JVM from the classpath: VADER's
 * lexicon (7,520 words, emoticons and slang rated -4..+4 by ten people each) and its emoji
 * descriptions ({@code sentiment/vader/}, MIT licence, Hutto &amp; Gilbert 2014), and the
 * support-chat layer {@code conf/sentiment/en.txt}: phrases with a valence on the same scale
 * (gratitude, "it works now", "still not working", frustration, profanity, and 0 for formulas
 * such as "please" or "I'd like" that VADER would read as praise), sarcasm cues, and the
 * openers and repetition markers of "Great, another delay". Phrases are kept as {@link #key
 * keys}: lower case, letters and digits only, so "Doesn't" and "doesnt" are one word.
 */
final class ChatLexicon {
    private static final String VADER = "sentiment/vader/vader_lexicon.txt";
    private static final String EMOJI = "sentiment/vader/emoji_utf8_lexicon.txt";
    private static final String SUPPORT = "conf/sentiment/en.txt";

    private final Map<String, Double> words;
    private final Map<String, String> emoji;
    private final Map<String, Double> phrases;
    private final int longestPhrase;
    private final Set<String> sarcasmCues;
    private final Set<String> sarcasticOpeners;
    private final Set<String> repetitionMarkers;

    private ChatLexicon(
            Map<String, Double> words,
            Map<String, String> emoji,
            Map<String, Double> phrases,
            Set<String> sarcasmCues,
            Set<String> sarcasticOpeners,
            Set<String> repetitionMarkers) {
        this.words = words;
        this.emoji = emoji;
        this.phrases = phrases;
        this.longestPhrase = phrases.keySet().stream()
                .mapToInt(p -> p.split(" ").length)
                .max()
                .orElse(0);
        this.sarcasmCues = sarcasmCues;
        this.sarcasticOpeners = sarcasticOpeners;
        this.repetitionMarkers = repetitionMarkers;
    }

    private static final class English {
        static final ChatLexicon LEXICON = load();
    }

    /** The English lexicon, read on first use in this JVM. */
    static ChatLexicon english() {
        return English.LEXICON;
    }

    private static ChatLexicon load() {
        Map<String, Double> words = new HashMap<>();
        for (String line : lines(VADER)) {
            String[] fields = line.split("\t");
            words.put(fields[0], Double.parseDouble(fields[1]));
        }
        Map<String, String> emoji = new HashMap<>();
        for (String line : lines(EMOJI)) {
            String[] fields = line.split("\t");
            emoji.put(fields[0], fields[1]);
        }
        Map<String, List<String>> sections = sections(SUPPORT);
        Map<String, Double> phrases = new HashMap<>();
        for (String line : sections.getOrDefault("phrases", List.of())) {
            String[] fields = line.split("\t");
            if (fields.length != 2) {
                throw new IllegalStateException(SUPPORT + ": a phrase needs a tab and a valence: '" + line + "'");
            }
            phrases.put(keys(fields[0]), Double.parseDouble(fields[1].strip()));
        }
        return new ChatLexicon(
                Collections.unmodifiableMap(words),
                Collections.unmodifiableMap(emoji),
                Collections.unmodifiableMap(phrases),
                keySet(sections.get("sarcasm")),
                keySet(sections.get("sarcastic_openers")),
                keySet(sections.get("repetition")));
    }

    private static Set<String> keySet(List<String> lines) {
        Set<String> keys = new HashSet<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            keys.add(keys(line));
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Map<String, List<String>> sections(String resource) {
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (String line : lines(resource)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalStateException(resource + ": '" + line + "' comes before any [section]");
            } else {
                current.add(line);
            }
        }
        return sections;
    }

    /** The non-blank lines of a classpath resource, stripped. */
    private static List<String> lines(String resource) {
        try (InputStream in = ChatLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (is the build complete?)");
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    out.add(stripped);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A word's matching key: lower case, letters and digits only ("Doesn't!" -> "doesnt"). */
    static String key(String word) {
        StringBuilder out = new StringBuilder(word.length());
        word.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The keys of a phrase's words, joined by single spaces. */
    static String keys(String phrase) {
        List<String> keys = new ArrayList<>();
        for (String word : phrase.strip().split("\\s+")) {
            String key = key(word);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return String.join(" ", keys);
    }

    /** VADER's valence of a lower-cased token, or null. */
    Double word(String lower) {
        return words.get(lower);
    }

    /** VADER's description of an emoji code point ("grinning face"), or null. */
    String emoji(String codePoint) {
        return emoji.get(codePoint);
    }

    /** The valence of a support phrase given as {@link #keys}, or null. */
    Double phrase(String keys) {
        return phrases.get(keys);
    }

    int longestPhrase() {
        return longestPhrase;
    }

    boolean isSarcasmCue(String keys) {
        return sarcasmCues.contains(keys);
    }

    boolean isSarcasticOpener(String key) {
        return sarcasticOpeners.contains(key);
    }

    boolean isRepetitionMarker(String keys) {
        return repetitionMarkers.contains(keys);
    }

    /** The most words in a sarcasm cue or repetition marker. */
    int longestMarker() {
        int longest = 1;
        for (Set<String> set : List.of(sarcasmCues, repetitionMarkers)) {
            for (String keys : set) {
                longest = Math.max(longest, keys.split(" ").length);
            }
        }
        return longest;
    }
}
