package org.csat.config;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the language of a conversation and of each message is identified (Lingua's n-gram
 * models, docs/quality.md "Languages"): {@code language.*}. Only the languages listed are
 * loaded and considered, so the list bounds both memory and the confusions possible.
 */
public record LanguageSettings(Set<String> detect, boolean highAccuracy, double minLead, int minLetters)
        implements Serializable {
    static final Setting<Set<String>> DETECT = Setting.names(
            "language.detect",
            "en,de,fr,es,pt,it,nl,sv,da,nb,fi,pl,cs,el,hu,ro,ru,tr,zh,ja,ko",
            2,
            "Languages the detector knows (ISO 639-1 codes of Lingua's 75); text in any other language"
                    + " is read as the closest of these or 'und'. Each adds its models to every executor"
                    + " (low accuracy: ~1 MB each; high: ~25 MB each).");
    static final Setting<String> ACCURACY = Setting.oneOf(
            "language.accuracy",
            "low",
            List.of("low", "high"),
            "Lingua's mode: 'low' loads trigram models only (14 MB for 14 languages), 'high' adds 1- to"
                    + " 5-grams (368 MB for 14 languages, 1.5 GB for all 75), better on a few words; messages too"
                    + " short or unclear to tell inherit their conversation's language either way.");
    static final Setting<Double> MIN_LEAD = Setting.number(
            "language.min_lead",
            "6",
            0,
            1_000_000,
            "A text gets the language Lingua ranks first only when its lead over the runner-up, letters x"
                    + " (1 - the runner-up's relative confidence), is at least this; otherwise a message inherits"
                    + " its conversation's language and a conversation is 'und'. Lingua's relative confidence is a"
                    + " ratio of log-likelihoods, which does not grow with length; times the letters it tracks the"
                    + " log-likelihood gap, so a long text needs a smaller relative lead than a few words.");
    static final Setting<Integer> MIN_LETTERS = Setting.wholeNumber(
            "language.min_letters",
            20,
            1,
            10_000,
            "Texts with fewer letters than this ('ok', an emoji, an order number) are not identified:"
                    + " a message inherits its conversation's language, a conversation is 'und'.");

    static final List<Setting<?>> DECLARED = List.of(DETECT, ACCURACY, MIN_LEAD, MIN_LETTERS);

    public LanguageSettings {
        for (String code : detect) {
            if (!isLinguaCode(code)) {
                throw new IllegalArgumentException("setting " + DETECT.key() + ": '" + code
                        + "' is not an ISO 639-1 code Lingua detects (e.g. en, de, pt, nb, zh)");
            }
        }
    }

    /**
     * The primary subtag languages are compared and phrase lists chosen on, lower case:
     * "pt-BR" and "pt_br" -> "pt", and "no" (Norwegian) -> "nb" (Bokmål, what Lingua and the
     * phrase lists call it); null for a blank tag.
     */
    static String primarySubtag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.equals("no") ? "nb" : primary;
    }

    static boolean isLinguaCode(String code) {
        try {
            IsoCode639_1 iso = IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
            return iso != IsoCode639_1.NONE && code.equals(code.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static LanguageSettings from(PipelineConfig config) {
        return new LanguageSettings(
                config.get(DETECT), config.get(ACCURACY).equals("high"), config.get(MIN_LEAD), config.get(MIN_LETTERS));
    }
}
