package org.csat.cohort;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver conversations -> {@code gold_cohort_daily}: per date and {@code handled_by}, the
 * number of conversations, mean customer sentiment at the end and its shift, handoff and
 * asked-for-human rates, and the survey CSAT mean over the conversations that have one
 * (with that count, since surveys cover a minority). Raw, unadjusted figures: the fair
 * comparison lives in the cohort comparison tables.
 */
public final class BuildCohortDaily {
    public Dataset<Row> apply(Dataset<Row> silverConversations) {
        return silverConversations
                .groupBy("date", "handled_by")
                .agg(
                        count(lit(1)).as("conversations"),
                        avg("customer_sentiment_end").as("customer_sentiment_end_mean"),
                        avg("customer_sentiment_shift").as("customer_sentiment_shift_mean"),
                        avg(when(col("handoff"), 1.0).otherwise(0.0)).as("handoff_rate"),
                        avg(when(col("asked_for_human"), 1.0).otherwise(0.0)).as("asked_for_human_rate"),
                        avg("csat").as("csat_mean"),
                        count("csat").as("csat_count"))
                .orderBy("date", "handled_by");
    }
}
