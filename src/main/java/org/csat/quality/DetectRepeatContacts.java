package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Marks conversations after which the same customer came back: {@code repeat_contact} is true
 * when another conversation of the same {@code customer_id} starts after this one started and
 * no later than {@code quality.repeat_window_days} after it ended (null when the conversation
 * has no customer_id and cannot be linked). {@code repeat_contact_same_topic} is true when any
 * such return is on the same topic: the source topics, compared case-insensitively, when both
 * conversations have one, else their {@code topic_cluster}s; null when neither can be compared
 * or there is no return. Then {@code resolution_status}, {@code resolved} and the rule and
 * evidence behind them are updated ({@link ResolutionStatus#withRepeatContact}); a resolution
 * model's decision is applied after this ({@link PredictResolution}). Two conversations starting at the same instant
 * are ordered by conversation_id.
 */
final class DetectRepeatContacts {
    private final long windowMicros;

    public DetectRepeatContacts(int windowDays) {
        if (windowDays < 0) {
            throw new IllegalArgumentException("quality.repeat_window_days must be >= 0, got " + windowDays);
        }
        this.windowMicros = windowDays * 86_400L * 1_000_000L;
    }

    /**
     * @param targets  silver_conversations rows to mark
     * @param universe every conversation as it stands after this run (at least the targets'
     *                 customers'), with {@code conversation_id, customer_id, started_at, topic, topic_cluster}
     */
    public Dataset<Row> apply(Dataset<Row> targets, Dataset<Row> universe) {
        Dataset<Row> t = targets.where(col("customer_id").isNotNull())
                .select(
                        col("conversation_id").as("t_id"),
                        col("customer_id").as("t_customer"),
                        col("started_at").as("t_start"),
                        coalesce(col("ended_at"), col("started_at")).as("t_end"),
                        col("topic").as("t_topic"),
                        col("topic_cluster").as("t_cluster"));
        Dataset<Row> u = universe.where(col("customer_id").isNotNull())
                .select(
                        col("conversation_id").as("u_id"),
                        col("customer_id").as("u_customer"),
                        col("started_at").as("u_start"),
                        col("topic").as("u_topic"),
                        col("topic_cluster").as("u_cluster"));
        Column later = col("u_start")
                .gt(col("t_start"))
                .or(col("u_start").equalTo(col("t_start")).and(col("u_id").gt(col("t_id"))));
        Column withinWindow =
                unix_micros(col("u_start")).leq(unix_micros(col("t_end")).plus(lit(windowMicros)));
        Column sameTopic = when(
                        col("t_topic").isNotNull().and(col("u_topic").isNotNull()),
                        lower(trim(col("t_topic"))).equalTo(lower(trim(col("u_topic")))))
                .when(
                        col("t_cluster").isNotNull().and(col("u_cluster").isNotNull()),
                        col("t_cluster").equalTo(col("u_cluster")));
        Dataset<Row> returns = t.join(
                        u,
                        col("t_customer")
                                .equalTo(col("u_customer"))
                                .and(col("u_id").notEqual(col("t_id")))
                                .and(later)
                                .and(withinWindow))
                .groupBy(col("t_id").as("conversation_id"))
                .agg(lit(true).as("returned"), max(sameTopic).as("returned_same_topic"));

        Column repeat = when(col("customer_id").isNull(), lit(null).cast(DataTypes.BooleanType))
                .otherwise(coalesce(col("returned"), lit(false)));
        Column status = ResolutionStatus.withRepeatContact(col("resolution_status"), col("repeat_contact"));
        return targets.drop("repeat_contact", "repeat_contact_same_topic")
                .join(returns, new String[] {"conversation_id"}, "left")
                .withColumn("repeat_contact", repeat)
                .withColumn("repeat_contact_same_topic", when(col("repeat_contact"), col("returned_same_topic")))
                .withColumn("resolution_status", status)
                .withColumn("resolved", ResolutionStatus.resolved(col("resolution_status")))
                .withColumn(
                        "resolution_evidence",
                        ResolutionStatus.evidence(
                                col("resolution_status"), col("resolution_rule"), col("resolution_evidence")))
                .withColumn("resolution_rule", ResolutionStatus.rule(col("resolution_status"), col("resolution_rule")))
                .drop("returned", "returned_same_topic");
    }
}
