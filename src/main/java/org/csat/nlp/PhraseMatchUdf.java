package org.csat.nlp;

import org.apache.spark.sql.api.java.UDF2;
import org.csat.config.PhraseLists;

/**
 * Spark UDF: whether a text contains a phrase of one signal's list for the text's language
 * (normalized, whole words; see {@link PhraseLists}). Null text matches nothing.
 */
public final class PhraseMatchUdf implements UDF2<String, String, Boolean> {
    private static final long serialVersionUID = 1L;
    private final PhraseLists phrases;
    private final String signal;

    public PhraseMatchUdf(PhraseLists phrases, String signal) {
        this.phrases = phrases;
        this.signal = signal;
    }

    @Override
    public Boolean call(String text, String language) {
        return text != null && phrases.matches(signal, language, text);
    }
}
