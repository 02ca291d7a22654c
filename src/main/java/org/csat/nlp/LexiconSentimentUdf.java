package org.csat.nlp;

import org.apache.spark.sql.api.java.UDF1;

/**
 * Spark UDF: a text's {@link LexiconSentiment} score (-1..1; 0 when no word carries sentiment),
 * null for null text. The lexicon is read once per executor JVM ({@link ChatLexicon#english}),
 * never serialized with the function.
 */
final class LexiconSentimentUdf implements UDF1<String, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public Double call(String text) {
        return text == null ? null : LexiconSentiment.english().score(text).compound();
    }
}
