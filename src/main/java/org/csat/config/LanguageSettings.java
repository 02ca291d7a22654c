package org.csat.config;

import java.io.Serializable;
import java.util.List;

/** How a conversation's language is found when the source gives none: {@code language.*}. */
public record LanguageSettings(double minConfidence) implements Serializable {
    static final Setting<Double> MIN_CONFIDENCE = Setting.number(
            "language.min_confidence",
            "0.5",
            0,
            1,
            "Language detection when the source has none: below this confidence the language is 'und'.");

    static final List<Setting<?>> DECLARED = List.of(MIN_CONFIDENCE);

    static LanguageSettings from(PipelineConfig config) {
        return new LanguageSettings(config.get(MIN_CONFIDENCE));
    }
}
