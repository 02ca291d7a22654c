package org.csat.nlp;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.api.java.UDF1;
import org.csat.tables.RowValues;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark UDF: a conversation's free-form metadata with keys and values redacted, since exporters
 * put anything in either ({@code "anna@example.com": "vip"}). Keys that become the same after
 * redaction are kept apart by a number ({@code <EMAIL>}, {@code <EMAIL>#2}), in key order.
 */
final class RedactMetadataUdf
        implements UDF1<scala.collection.Map<String, String>, scala.collection.immutable.Map<String, String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public scala.collection.immutable.Map<String, String> call(scala.collection.Map<String, String> metadata) {
        if (metadata == null) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(CollectionConverters.asJava(metadata)).entrySet()) {
            String key = PiiRedactor.redact(e.getKey());
            String unique = key;
            for (int n = 2; out.containsKey(unique); n++) {
                unique = key + "#" + n;
            }
            out.put(unique, PiiRedactor.redact(e.getValue()));
        }
        return RowValues.map(out);
    }
}
