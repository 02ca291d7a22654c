package org.csat.nlp;

import org.apache.spark.sql.api.java.UDF2;
import org.csat.config.LanguageSettings;

/**
 * Spark UDF around {@link LanguageIdentifier}: the language of the first of two texts that tells
 * (the second may be null), as an ISO 639-1 code, or null when neither does. A conversation asks
 * with its customer's turns first and all its turns second, each joined by
 * {@link LanguageIdentifier#TURN_SEPARATOR} ({@code turns} true); a message asks with its own text.
 */
final class IdentifyLanguageUdf implements UDF2<String, String, String> {
    private static final long serialVersionUID = 1L;
    private final LanguageSettings settings;
    private final boolean turns;

    IdentifyLanguageUdf(LanguageSettings settings, boolean turns) {
        this.settings = settings;
        this.turns = turns;
    }

    @Override
    public String call(String text, String fallbackText) {
        String language = identify(text);
        return language != null ? language : identify(fallbackText);
    }

    private String identify(String text) {
        return turns ? LanguageIdentifier.identifyTurns(text, settings) : LanguageIdentifier.identify(text, settings);
    }
}
