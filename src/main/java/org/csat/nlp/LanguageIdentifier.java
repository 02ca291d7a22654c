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
