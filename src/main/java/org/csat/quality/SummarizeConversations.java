package org.csat.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.csat.config.PhraseLists;
import org.csat.config.PipelineConfig;
import org.csat.tables.TableSchemas;

/**
 * Silver messages + bronze conversation fields -> one row per conversation with who handled
 * it and the customer's sentiment path. {@code handled_by}: {@code bot} when only the bot
 * answered, {@code human} when an agent answered first, {@code bot_to_human} when a bot turn
 * is followed by an agent turn (with or without a handoff event), {@code none} when nobody
 * answered. {@code asked_for_human} counts customer messages that match the
 * {@code asked_for_human} phrase list of the conversation's language; {@code customer_signals}
 * lists every phrase-list signal a customer message fired. Sentiment start/end
 * are the customer's first and last scored messages; shift is end minus start.
 * <p>
 * Effort ({@link MeasureEffort}): response times, near-duplicate customer turns and bot
 * loops; {@code handle_time_s} runs from the first bot or agent message to {@code ended_at}.
 * {@code resolution_status} here is the transcript's own verdict ({@link ClassifyResolution},
 * {@link ResolutionStatus#fromTranscript}), with the rule and evidence that decided it; repeat
 * contact, the resolution model, predicted CSAT and topic cluster are left for
 * {@link AssessConversationQuality}, which needs the other conversations.
 */
final class SummarizeConversations {
    private final PipelineConfig config;
    private final String runId;

    public SummarizeConversations(PipelineConfig config, String runId) {
        this.config = config;
        this.runId = runId;
    }

    /**
     * @param messages      silver messages of the batch
     * @param conversations bronze rows of the batch, with resolved {@code language} and {@code language_source}
     */
    public Dataset<Row> apply(Dataset<Row> messages, Dataset<Row> conversations) {
        Dataset<Row> signalled = new MessageSignals(config.phrases()).apply(messages);
        Column isCustomer = col("role").equalTo("customer");
        Column customerScored = isCustomer.and(col("sentiment").isNotNull());
        Dataset<Row> perConversation = signalled
                .groupBy("conversation_id")
                .agg(
                        sum(when(isCustomer, 1).otherwise(0)).cast("int").as("customer_turns"),
                        sum(when(col("role").equalTo("bot"), 1).otherwise(0))
                                .cast("int")
                                .as("bot_turns"),
                        sum(when(col("role").equalTo("agent"), 1).otherwise(0))
                                .cast("int")
                                .as("agent_turns"),
                        min(when(col("role").equalTo("bot"), col("seq"))).as("first_bot_seq"),
                        min(when(col("role").equalTo("agent"), col("seq"))).as("first_agent_seq"),
                        max(when(col("role").equalTo("agent"), col("seq"))).as("last_agent_seq"),
                        max(col("role")
                                        .equalTo("system")
                                        .and(lower(col("event")).equalTo("handoff")))
                                .as("handoff_event"),
                        sum(when(isCustomer.and(col("sig_asked_for_human")), 1).otherwise(0))
                                .cast("int")
                                .as("asked_for_human_count"),
                        min(when(customerScored, struct(col("seq"), col("sentiment"))))
                                .getField("sentiment")
                                .as("customer_sentiment_start"),
                        max(when(customerScored, struct(col("seq"), col("sentiment"))))
                                .getField("sentiment")
                                .as("customer_sentiment_end"),
                        customerSignals(isCustomer).as("customer_signals"));

        Column botThenAgent = col("first_bot_seq")
                .isNotNull()
                .and(col("last_agent_seq").gt(col("first_bot_seq")))
                .and(col("first_agent_seq").isNull().or(col("first_agent_seq").gt(col("first_bot_seq"))));
        Column handledBy = when(botThenAgent, lit("bot_to_human"))
                .when(col("first_agent_seq").isNotNull(), lit("human"))
                .when(col("first_bot_seq").isNotNull(), lit("bot"))
                .otherwise(lit("none"));
        Column handleTime = when(
                col("first_reply_ts").isNotNull(),
                greatest(
                        lit(0.0),
                        unix_micros(col("ended_at"))
                                .minus(unix_micros(col("first_reply_ts")))
                                .divide(1e6)));
        Column status =
                ResolutionStatus.fromTranscript(col("confirmed"), col("abandoned"), col("redirected"), col("handoff"));

        return conversations
                .select(
                        "conversation_id",
                        "customer_id",
                        "channel",
                        "started_at",
                        "ended_at",
                        "topic",
                        "language",
                        "language_source",
                        "detected_language",
                        "csat",
                        "metadata")
                .join(perConversation, "conversation_id")
                .join(new MeasureEffort(config.quality()).apply(messages), "conversation_id")
                .join(new ClassifyResolution(config.quality().abandonEvents()).apply(signalled), "conversation_id")
                .withColumn("date", to_date(col("started_at")))
                .withColumn("handled_by", handledBy)
                .withColumn(
                        "handoff", coalesce(col("handoff_event"), lit(false)).or(handledBy.equalTo("bot_to_human")))
                .withColumn("asked_for_human", col("asked_for_human_count").gt(0))
                .withColumn(
                        "duration_s",
                        unix_micros(col("ended_at"))
                                .minus(unix_micros(col("started_at")))
                                .divide(1e6))
                .withColumn(
                        "customer_sentiment_shift",
                        col("customer_sentiment_end").minus(col("customer_sentiment_start")))
                .withColumn("scored_run_id", lit(runId))
                .withColumn("resolution_status", status)
                .withColumn("resolved", ResolutionStatus.resolved(status))
                .withColumn(
                        "resolution_evidence",
                        ResolutionStatus.evidence(
                                col("resolution_status"), col("resolution_rule"), col("resolution_evidence")))
                .withColumn("resolution_rule", ResolutionStatus.rule(col("resolution_status"), col("resolution_rule")))
                .withColumn("resolution_source", lit(PredictResolution.RULES))
                .withColumn("resolution_probability", lit(null).cast(DataTypes.DoubleType))
                .withColumn("repeat_contact", lit(null).cast(DataTypes.BooleanType))
                .withColumn("repeat_contact_same_topic", lit(null).cast(DataTypes.BooleanType))
                .withColumn("handle_time_s", handleTime)
                .withColumn("predicted_csat", lit(null).cast(DataTypes.DoubleType))
                .withColumn("predicted_csat_source", lit(null).cast(DataTypes.StringType))
                .withColumn("topic_cluster", lit(null).cast(DataTypes.IntegerType))
                .selectExpr(TableSchemas.columns(TableSchemas.SILVER_CONVERSATIONS));
    }

    /** The phrase-list signals any customer message fired, each once, in alphabetical order. */
    private static Column customerSignals(Column isCustomer) {
        Column[] fired = PhraseLists.SIGNALS.stream()
                .map(signal -> when(isCustomer.and(col("sig_" + signal)), lit(signal)))
                .toArray(Column[]::new);
        return array_sort(array_distinct(flatten(collect_list(filter(array(fired), Column::isNotNull)))));
    }
}
