package org.csat.nlp;

import org.apache.spark.sql.api.java.UDF2;
import org.csat.config.LanguageSettings;

/**
 * Spark UDF around {@link LanguageIdentifier}: the language of the first of two texts that tells
 * (the second may be null), as an ISO 639-1 code, or null when neither does. A conversation asks
 * with its customer's words first and all its words second; a message asks with its own text.
 */
final class IdentifyLanguageUdf implements UDF2<String, String, String> {
    private static final long serialVersionUID = 1L;
    private final LanguageSettings settings;

    IdentifyLanguageUdf(LanguageSettings settings) {
        this.settings = settings;
    }

    @Override
    public String call(String text, String fallbackText) {
        String language = LanguageIdentifier.identify(text, settings);
        return language != null ? language : LanguageIdentifier.identify(fallbackText, settings);
    }
}
