package org.csat.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The run's check of the source's language against the detected one: of the scored
 * conversations whose source names a language and whose text tells one ({@code checked}), how
 * many disagree on the primary subtag ({@code mismatched}); recorded in {@code pipeline_runs}.
 */
public record LanguageCheck(long checked, long mismatched) {
    static final LanguageCheck NONE = new LanguageCheck(0, 0);

    /** @param conversations output of {@link BuildSilverMessages#withLanguage} */
    static LanguageCheck of(Dataset<Row> conversations) {
        Row counts = conversations
                .agg(
                        count(when(
                                        col("language_source")
                                                .equalTo("source")
                                                .and(col("detected_language").isNotNull()),
                                        1))
                                .as("checked"),
                        sum(when(col("language_mismatch"), 1).otherwise(0)).as("mismatched"))
                .first();
        return new LanguageCheck(counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1));
    }
}
