package org.csat.nlp;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import org.csat.config.LanguageSettings;

/**
 * Identifies the language of a text with Lingua, restricted to the languages of
 * {@code language.detect}: the text gets Lingua's first choice as an ISO 639-1 code only when it
 * has at least {@code language.min_letters} letters and a lead over the runner-up of at least
 * {@code language.min_lead}: letters x (1 - the runner-up's relative confidence), which tracks
 * the gap in log-likelihood (Lingua's relative confidence is a ratio of log-likelihoods, the same
 * for a sentence and a page of it); otherwise null ("too short or unclear to tell").
 * Lingua's models are built once per JVM and settings (an executor builds its own on first use,
 * never receiving one from the driver) and shared by every task: building one costs seconds and
 * 14 MB (low accuracy) to 368 MB (high) for 14 languages.
 */
final class LanguageIdentifier {
    private static final Map<LanguageSettings, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

    /** Joins a conversation's turns for {@link #identifyTurns} (a turn that contains it just splits in two). */
    static final char TURN_SEPARATOR = '\u001E';

    private LanguageIdentifier() {}

    /** The language of {@code text}, or null when it is too short or unclear to tell. */
    static String identify(String text, LanguageSettings settings) {
        int letters = text == null ? 0 : letters(text);
        if (letters < settings.minLetters()) {
            return null;
        }
        SortedMap<Language, Double> confidence = detector(settings).computeLanguageConfidenceValues(text);
        Iterator<Map.Entry<Language, Double>> ranked = confidence.entrySet().iterator();
        if (!ranked.hasNext()) {
            return null;
        }
        Language first = ranked.next().getKey();
        double runnerUp = ranked.hasNext() ? ranked.next().getValue() : 0;
        return letters * (1 - runnerUp) >= settings.minLead() ? code(first) : null;
    }

    /**
     * The language of a conversation from its turns joined by {@link #TURN_SEPARATOR}: the
     * language of the most letters among the turns that tell their own (one long German turn in
     * an English chat does not make it German, as it would when the turns are read as one text,
     * where the rarer letter sequences of one language outweigh the other's), else of the turns
     * read as one text; null when that does not tell either.
     */
    static String identifyTurns(String turns, LanguageSettings settings) {
        if (turns == null || turns.isEmpty()) {
            return null;
        }
        Map<String, Integer> lettersByLanguage = new java.util.TreeMap<>();
        for (String turn : turns.split(String.valueOf(TURN_SEPARATOR))) {
            String language = identify(turn, settings);
            if (language != null) {
                lettersByLanguage.merge(language, letters(turn), Integer::sum);
            }
        }
        return lettersByLanguage.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseGet(() -> identify(turns.replace(TURN_SEPARATOR, ' '), settings));
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }

    private static LanguageDetector detector(LanguageSettings settings) {
        return DETECTORS.computeIfAbsent(settings, LanguageIdentifier::build);
    }

    private static LanguageDetector build(LanguageSettings settings) {
        IsoCode639_1[] codes = settings.detect().stream()
                .map(code -> IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new);
        // preloaded: tasks sharing the detector never race to load a model on first use
        LanguageDetectorBuilder builder =
                LanguageDetectorBuilder.fromIsoCodes639_1(codes).withPreloadedLanguageModels();
        return (settings.highAccuracy() ? builder : builder.withLowAccuracyMode()).build();
    }
}
