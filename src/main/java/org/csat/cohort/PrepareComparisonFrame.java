package org.csat.cohort;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.csat.nlp.LanguageTags;

/**
 * Silver conversations -> the comparison frame: one row per conversation with its period
 * ({@code before}/{@code after} the rollout), cohort ({@code handled_by}), the pre-treatment
 * covariates the adjustment may use (topic, language, channel, time of day, weekday/weekend,
 * weeks since rollout) and each present metric as a double (rates as 1/0, nulls kept:
 * a missing value is never imputed). The clustering unit for the bootstrap is the customer,
 * or the conversation when the customer is unknown. Missing topics fall back to the
 * {@code topic_cluster} when silver has one, then to {@code unknown}.
 */
final class PrepareComparisonFrame {
    public static final String CLUSTER = "cluster_id";
    public static final String PERIOD = "period";
    public static final String COHORT = "cohort";
    public static final String TOPIC = "topic_key";
    public static final String LANGUAGE = "language_key";
    /** The language the comparison is cut by ({@link LanguageCut}): the primary subtag, "pt-br" -> "pt". */
    public static final String LANGUAGE_CUT = "language_cut";

    public static final String CHANNEL = "channel_key";
    public static final String HOUR_BAND = "hour_band";
    public static final String DAY_TYPE = "day_type";
    public static final String WEEKS = "weeks_since_rollout";
    public static final String BAND = "complexity_band";
    /** Band signals carried for {@link DeriveComplexityBands}: measured per topic, never per conversation. */
    public static final String CUSTOMER_TURNS = "signal_customer_turns";

    public static final String SENTIMENT_START = "signal_sentiment_start";
    public static final String BEFORE = "before";
    public static final String AFTER = "after";

    private final LocalDate rolloutDate;
    private final Map<QualityMetric, String> sources;

    /** @param rolloutDate first day of the {@code after} period; null when the bot never rolled out */
    public PrepareComparisonFrame(LocalDate rolloutDate, Map<QualityMetric, String> sources) {
        this.rolloutDate = rolloutDate;
        this.sources = Map.copyOf(sources);
    }

    public Dataset<Row> apply(Dataset<Row> silver) {
        StructType schema = silver.schema();
        List<Column> columns = new ArrayList<>(List.of(
                col("conversation_id"),
                coalesce(col("customer_id"), col("conversation_id")).as(CLUSTER),
                col("date"),
                period().as(PERIOD),
                col("handled_by").as(COHORT),
                topicKey(schema).as(TOPIC),
                coalesce(nullif(lower(trim(col("language"))), lit("")), lit("und"))
                        .as(LANGUAGE),
                LanguageTags.primarySubtagOrUndetermined(col("language")).as(LANGUAGE_CUT),
                coalesce(nullif(lower(trim(col("channel"))), lit("")), lit("unknown"))
                        .as(CHANNEL),
                coalesce(floor(hour(col("started_at")).divide(6)).cast("string"), lit("unknown"))
                        .as(HOUR_BAND),
                when(dayofweek(col("date")).isin(1, 7), lit("weekend"))
                        .otherwise(lit("weekday"))
                        .as(DAY_TYPE),
                weeksSinceRollout().as(WEEKS),
                optionalDouble(schema, "customer_turns").as(CUSTOMER_TURNS),
                optionalDouble(schema, "customer_sentiment_start").as(SENTIMENT_START)));
        for (QualityMetric metric : QualityMetrics.ALL) {
            String source = sources.get(metric);
            if (source != null) {
                Column value = metric.isRate()
                        ? when(col(source).isNull(), lit(null).cast("double"))
                                .when(col(source), lit(1.0))
                                .otherwise(lit(0.0))
                        : col(source).cast("double");
                columns.add(value.as(metric.name()));
            }
        }
        return silver.select(columns.toArray(new Column[0]));
    }

    private Column period() {
        return rolloutDate == null
                ? lit(BEFORE)
                : when(col("date").geq(lit(java.sql.Date.valueOf(rolloutDate))), lit(AFTER))
                        .otherwise(lit(BEFORE));
    }

    private Column weeksSinceRollout() {
        return rolloutDate == null
                ? lit(0.0)
                : greatest(
                        lit(0.0),
                        floor(datediff(col("date"), lit(java.sql.Date.valueOf(rolloutDate)))
                                        .divide(7))
                                .cast("double"));
    }

    private static Column topicKey(StructType schema) {
        Column topic = nullif(trim(col("topic")), lit(""));
        if (List.of(schema.fieldNames()).contains("topic_cluster")) {
            topic = coalesce(topic, concat(lit("cluster_"), col("topic_cluster").cast("string")));
        }
        return coalesce(topic, lit("unknown"));
    }

    private static Column optionalDouble(StructType schema, String column) {
        return List.of(schema.fieldNames()).contains(column)
                ? col(column).cast("double")
                : lit(null).cast("double");
    }
}
