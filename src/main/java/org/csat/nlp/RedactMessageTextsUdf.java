package org.csat.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF2;
import org.csat.tables.RowValues;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark UDF: a conversation's message texts and roles (in message order) in, the texts redacted
 * out, in the same order. Each role's messages are redacted together ({@link
 * PiiRedactor#redactJoined}), so a card number or an e-mail address a customer splits over two
 * messages is found even with a bot turn between them.
 */
final class RedactMessageTextsUdf
        implements UDF2<
                scala.collection.Seq<String>, scala.collection.Seq<String>, scala.collection.immutable.Seq<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public scala.collection.immutable.Seq<String> call(
            scala.collection.Seq<String> texts, scala.collection.Seq<String> roles) {
        if (texts == null) {
            return null;
        }
        List<String> text = new ArrayList<>(CollectionConverters.asJava(texts));
        List<String> role = roles == null ? List.of() : CollectionConverters.asJava(roles);
        Map<String, List<Integer>> byRole = new LinkedHashMap<>();
        for (int i = 0; i < text.size(); i++) {
            byRole.computeIfAbsent(i < role.size() ? String.valueOf(role.get(i)) : "", r -> new ArrayList<>())
                    .add(i);
        }
        for (List<Integer> positions : byRole.values()) {
            List<String> own = positions.stream().map(text::get).toList();
            List<String> redacted = PiiRedactor.redactJoined(own);
            for (int k = 0; k < positions.size(); k++) {
                text.set(positions.get(k), redacted.get(k));
            }
        }
        return RowValues.seq(text);
    }
}
