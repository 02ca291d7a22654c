package org.csat.tables;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one place that declares the schema of every table and of the records passed between
 * stages. docs/tables.md documents each column; a test checks the two agree.
 */
public final class TableSchemas {
    private TableSchemas() {}

    /** One message as ingested (nested fields are nullable: Delta enforces no nested NOT NULL): position after ordering, then the contract's fields. */
    public static final StructType MESSAGE = new StructType()
            .add("seq", IntegerType, true)
            .add("ts", TimestampType, true)
            .add("role", StringType, true)
            .add("agent_id", StringType, true)
            .add("event", StringType, true)
            .add("text", StringType, true);

    /** Conversation-level fields of the input contract, shared by bronze and the parsed records. */
    private static StructType conversationFields(StructType base) {
        return base.add("conversation_id", StringType, true)
                .add("customer_id", StringType, true)
                .add("channel", StringType, true)
                .add("language", StringType, true)
                .add("started_at", TimestampType, true)
                .add("ended_at", TimestampType, true)
                .add("topic", StringType, true)
                .add("csat", IntegerType, true)
                .add("messages", createArrayType(MESSAGE, true), true)
                .add("metadata", createMapType(StringType, StringType, true), true);
    }

    /** A CSV row kept with its assembled conversation (whose rows may come from several files), so a rejection can quarantine each row. */
    public static final StructType RAW_ROW = new StructType()
            .add("record_no", LongType, true)
            .add("raw", StringType, true)
            .add("source_file", StringType, true);

    /**
     * What the file reader emits for every record it sees (a JSON line, a CSV row, or a
     * whole file it cannot read): either the parsed fields or an error. CSV rows carry one
     * message each and are assembled into conversations later, when {@code source_records}
     * becomes the number of rows and {@code raw_rows} keeps them.
     */
    public static final StructType PARSED_RECORD = conversationFields(new StructType()
            .add("source_file", StringType, false)
            .add("record_no", LongType, false)
            .add("source_format", StringType, false)
            .add("raw", StringType, true)
            .add("error_code", StringType, true)
            .add("error", StringType, true)
            .add("source_records", LongType, false)
            .add("raw_rows", createArrayType(RAW_ROW, true), true));

    public static final StructType BRONZE_CONVERSATIONS = conversationFields(new StructType())
            .add("source_format", StringType, false)
            .add("source_file", StringType, false)
            .add("source_record_no", LongType, false)
            .add("source_records", LongType, false)
            .add("raw", StringType, true)
            .add("record_hash", StringType, false)
            .add("ingest_run_id", StringType, false)
            .add("ingested_at", TimestampType, false)
            // the run whose silver rows reflect this version of the row; null until scored (crash recovery)
            .add("scored_run_id", StringType, true);

    public static final StructType QUARANTINE = new StructType()
            .add("source_file", StringType, false)
            .add("record_no", LongType, false)
            .add("source_format", StringType, true)
            .add("conversation_id", StringType, true)
            .add("raw", StringType, true)
            .add("reason_code", StringType, false)
            .add("reason", StringType, false)
            .add("run_id", StringType, false)
            .add("quarantined_at", TimestampType, false);

    public static final StructType SILVER_MESSAGES = new StructType()
            .add("conversation_id", StringType, false)
            .add("seq", IntegerType, false)
            .add("ts", TimestampType, true)
            .add("date", DateType, true)
            .add("role", StringType, false)
            .add("agent_id", StringType, true)
            .add("event", StringType, true)
            .add("text", StringType, true)
            .add("language", StringType, true)
            .add("sentiment", DoubleType, true)
            .add("sentiment_label", StringType, true)
            .add("sentences", IntegerType, true)
            .add("sentences_scored", IntegerType, true)
            // sentiment is the combination of these (docs/quality.md, "Message sentiment")
            .add("corenlp_sentiment", DoubleType, true)
            .add("corenlp_sentiment_label", StringType, true)
            .add("lexicon_sentiment", DoubleType, true)
            .add("sentiment_model", StringType, true);

    public static final StructType SILVER_CONVERSATIONS = new StructType()
            .add("conversation_id", StringType, false)
            .add("customer_id", StringType, true)
            .add("channel", StringType, true)
            .add("started_at", TimestampType, false)
            .add("ended_at", TimestampType, true)
            .add("date", DateType, false)
            .add("topic", StringType, true)
            .add("language", StringType, true)
            .add("language_source", StringType, false)
            .add("detected_language", StringType, true)
            .add("handled_by", StringType, false)
            .add("handoff", BooleanType, false)
            .add("asked_for_human", BooleanType, false)
            .add("asked_for_human_count", IntegerType, false)
            .add("customer_turns", IntegerType, false)
            .add("bot_turns", IntegerType, false)
            .add("agent_turns", IntegerType, false)
            .add("duration_s", DoubleType, true)
            .add("customer_sentiment_start", DoubleType, true)
            .add("customer_sentiment_end", DoubleType, true)
            .add("customer_sentiment_shift", DoubleType, true)
            .add("csat", IntegerType, true)
            .add("metadata", createMapType(StringType, StringType, true), true)
            .add("scored_run_id", StringType, false)
            // quality (docs/quality.md): resolution, effort, predicted CSAT, discovered topic
            .add("resolution_status", StringType, false)
            .add("resolved", BooleanType, false)
            .add("repeat_contact", BooleanType, true)
            .add("repeat_contact_same_topic", BooleanType, true)
            .add("customer_repeated_self", BooleanType, false)
            .add("bot_loop", BooleanType, false)
            .add("first_response_s", DoubleType, true)
            .add("mean_response_s", DoubleType, true)
            .add("handle_time_s", DoubleType, true)
            .add("predicted_csat", DoubleType, true)
            .add("predicted_csat_source", StringType, true)
            .add("topic_cluster", IntegerType, true)
            // resolution evidence (docs/quality.md): which rule or model decided, and why
            .add("resolution_rule", StringType, true)
            .add("resolution_evidence", StringType, true)
            .add("resolution_source", StringType, true)
            .add("resolution_probability", DoubleType, true)
            .add("unanswered_questions", IntegerType, true)
            // the phrase-list signals the customer's messages fired (docs/tables.md), for the cut by language
            .add("customer_signals", createArrayType(StringType), true);

    public static final StructType GOLD_COHORT_DAILY = new StructType()
            .add("date", DateType, false)
            .add("handled_by", StringType, false)
            .add("conversations", LongType, false)
            .add("customer_sentiment_end_mean", DoubleType, true)
            .add("customer_sentiment_shift_mean", DoubleType, true)
            .add("handoff_rate", DoubleType, true)
            .add("asked_for_human_rate", DoubleType, true)
            .add("csat_mean", DoubleType, true)
            .add("csat_count", LongType, false);

    public static final StructType INGESTED_FILES = new StructType()
            .add("source_file", StringType, false)
            .add("night", DateType, true)
            .add("size_bytes", LongType, false)
            .add("modified_at", TimestampType, false)
            .add("run_id", StringType, false)
            .add("ingested_at", TimestampType, false);

    public static final StructType PIPELINE_RUNS = new StructType()
            .add("run_id", StringType, false)
            .add("command", StringType, false)
            .add("arguments", StringType, true)
            .add("started_at", TimestampType, false)
            .add("ended_at", TimestampType, false)
            .add("status", StringType, false)
            .add("error", StringType, true)
            .add("input_files", LongType, true)
            .add("records_read", LongType, true)
            .add("records_accepted", LongType, true)
            .add("records_quarantined", LongType, true)
            .add("conversations_accepted", LongType, true)
            // scored conversations whose source names a language the text also tells, and how many disagree
            .add("languages_checked", LongType, true)
            .add("language_mismatches", LongType, true)
            .add("rows_written", createMapType(StringType, LongType, true), true);

    /** Held-out evaluations of predicted_csat (docs/quality.md), key model_version + predictor + metric + cohort. */
    public static final StructType MODEL_METRICS = new StructType()
            .add("run_id", StringType, false)
            .add("model_version", StringType, false)
            .add("source", StringType, false)
            .add("predictor", StringType, false)
            .add("metric", StringType, false)
            .add("cohort", StringType, false)
            .add("value", DoubleType, true)
            .add("train_rows", LongType, false)
            .add("test_rows", LongType, false)
            .add("train_until", TimestampType, true)
            .add("test_from", TimestampType, true)
            .add("model_path", StringType, true)
            .add("note", StringType, true);

    /** The current topic model's clusters (docs/quality.md), key model_version + topic_cluster. */
    public static final StructType TOPICS = new StructType()
            .add("model_version", StringType, false)
            .add("topic_cluster", IntegerType, false)
            .add("top_terms", createArrayType(StringType, true), false)
            .add("conversations", LongType, false)
            .add("share", DoubleType, false)
            .add("corpus_conversations", LongType, false)
            .add("fitted_run_id", StringType, false)
            .add("model_path", StringType, false);
    // --- Cohort comparison (issue 4): docs/comparison.md documents every column. ---

    /** Metric x comparison x method: the estimate, its bootstrap interval and the sides behind it. */
    public static final StructType GOLD_COHORT_COMPARISON = new StructType()
            .add("metric", StringType, false)
            .add("source_column", StringType, true)
            .add("metric_kind", StringType, false)
            .add("direction", StringType, false)
            .add("comparison", StringType, false)
            .add("treated", StringType, false)
            .add("control", StringType, false)
            .add("method", StringType, false)
            .add("estimand", StringType, false)
            .add("estimate", DoubleType, true)
            .add("ci_low", DoubleType, true)
            .add("ci_high", DoubleType, true)
            .add("std_error", DoubleType, true)
            .add("p_value", DoubleType, true)
            .add("significant", BooleanType, false)
            .add("n_treated", LongType, false)
            .add("n_control", LongType, false)
            .add("treated_mean", DoubleType, true)
            .add("treated_ci_low", DoubleType, true)
            .add("treated_ci_high", DoubleType, true)
            .add("control_mean", DoubleType, true)
            .add("control_ci_low", DoubleType, true)
            .add("control_ci_high", DoubleType, true)
            .add("strata_used", IntegerType, true)
            .add("treated_share_unmatched", DoubleType, true)
            .add("rows_trimmed", LongType, true)
            .add("control_effective_n", DoubleType, true)
            .add("bootstrap_replicates", IntegerType, false)
            .add("rollout_date", DateType, true)
            .add("note", StringType, true);

    /** One row per quality metric: how much worse (or better) bot-first contacts are, in plain words. */
    public static final StructType GOLD_QUALITY_DROP = new StructType()
            .add("metric", StringType, false)
            .add("source_column", StringType, true)
            .add("direction", StringType, false)
            .add("unit", StringType, false)
            .add("stated_as", StringType, false)
            .add("human_baseline", DoubleType, true)
            .add("bot_first", DoubleType, true)
            .add("human_raw", DoubleType, true)
            .add("raw_difference", DoubleType, true)
            .add("adjusted_difference", DoubleType, true)
            .add("ci_low", DoubleType, true)
            .add("ci_high", DoubleType, true)
            .add("p_value", DoubleType, true)
            .add("significant", BooleanType, true)
            .add("worse_for_customers", BooleanType, true)
            .add("method", StringType, false)
            .add("cross_check_method", StringType, true)
            .add("cross_check_difference", DoubleType, true)
            .add("cross_check_ci_low", DoubleType, true)
            .add("cross_check_ci_high", DoubleType, true)
            .add("n_bot_first", LongType, false)
            .add("n_human", LongType, false)
            .add("service_before", DoubleType, true)
            .add("service_after", DoubleType, true)
            .add("service_change", DoubleType, true)
            .add("service_change_ci_low", DoubleType, true)
            .add("service_change_ci_high", DoubleType, true)
            .add("service_change_method", StringType, true)
            .add("rollout_date", DateType, true)
            .add("verdict", StringType, false)
            .add("explanation", StringType, true)
            .add("note", StringType, true);

    /** Topic x cohort x metric after the rollout, against human-first on the same topic. */
    public static final StructType GOLD_TOPIC_QUALITY = new StructType()
            .add("topic", StringType, false)
            .add("complexity_band", StringType, false)
            .add("difficulty_score", DoubleType, true)
            .add("cohort", StringType, false)
            .add("metric", StringType, false)
            .add("n", LongType, false)
            .add("mean", DoubleType, true)
            .add("ci_low", DoubleType, true)
            .add("ci_high", DoubleType, true)
            .add("human_n", LongType, false)
            .add("human_mean", DoubleType, true)
            .add("difference_vs_human", DoubleType, true)
            .add("difference_ci_low", DoubleType, true)
            .add("difference_ci_high", DoubleType, true)
            .add("significant", BooleanType, true)
            .add("worse_than_human", BooleanType, true)
            .add("bot_first_share", DoubleType, true)
            .add("rollout_date", DateType, true);

    /**
     * {@code gold_cohort_comparison}'s rows again for each language of {@code cohort.languages} large
     * enough to state ({@code cohort.language_min_n}), the language first.
     */
    public static final StructType GOLD_COHORT_COMPARISON_BY_LANGUAGE =
            byLanguage(GOLD_COHORT_COMPARISON, new StructType().add("language", StringType, false));

    /**
     * {@code gold_quality_drop}'s rows per language and metric: stated for the languages of
     * {@code cohort.languages} large enough, else the reason in {@code verdict}.
     */
    public static final StructType GOLD_QUALITY_DROP_BY_LANGUAGE = byLanguage(
            GOLD_QUALITY_DROP,
            new StructType()
                    .add("language", StringType, false)
                    .add("stated", BooleanType, false)
                    .add("language_conversations", LongType, false));

    private static StructType byLanguage(StructType overall, StructType leading) {
        StructType schema = leading;
        for (StructField field : overall.fields()) {
            schema = schema.add(field);
        }
        return schema;
    }

    /** The schema's column names back-quoted, for {@code selectExpr}: a row in exactly the table's column order. */
    public static String[] columns(StructType schema) {
        String[] names = schema.fieldNames();
        String[] quoted = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            quoted[i] = "`" + names[i] + "`";
        }
        return quoted;
    }
}
