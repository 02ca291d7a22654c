package org.csat.quality;

import org.apache.spark.sql.api.java.UDF1;
import org.csat.text.TextNormalizer;

/**
 * Spark UDF: {@link TextNormalizer#normalize} (lower case, accents and punctuation removed),
 * so that near-duplicate turns and topic words are compared the way phrase lists are matched.
 * Null text becomes the empty string.
 */
final class NormalizeTextUdf implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String text) {
        return TextNormalizer.normalize(text);
    }
}
