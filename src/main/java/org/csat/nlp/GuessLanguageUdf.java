package org.csat.nlp;

import org.apache.spark.sql.api.java.UDF1;

/** Spark UDF around {@link LanguageGuesser}: customer text in, BCP-47 primary code or "und" out. */
final class GuessLanguageUdf implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final double minConfidence;

    public GuessLanguageUdf(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    @Override
    public String call(String text) {
        return LanguageGuesser.guess(text, minConfidence);
    }
}
