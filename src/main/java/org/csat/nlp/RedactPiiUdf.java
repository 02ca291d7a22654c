package org.csat.nlp;

import org.apache.spark.sql.api.java.UDF1;

/** Spark UDF around {@link PiiRedactor#redact}: text in, text with typed placeholders out; null stays null. */
final class RedactPiiUdf implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String text) {
        return PiiRedactor.redact(text);
    }
}
