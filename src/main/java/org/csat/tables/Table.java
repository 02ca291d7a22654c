package org.csat.tables;

import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables the pipeline writes, each under {@code <warehouse>/<name>} and queried by
 * that name. The layer prefix says where a table sits in the line transcripts -> bronze ->
 * silver -> gold. Each table has one writer: the stage action named here (package and class),
 * and only code of that stage's package writes it (checked by a test, and stated in the
 * README's package map).
 */
public enum Table {
    BRONZE_CONVERSATIONS("bronze_conversations", TableSchemas.BRONZE_CONVERSATIONS, "ingest", "IngestTranscripts"),
    QUARANTINE("quarantine", TableSchemas.QUARANTINE, "ingest", "IngestTranscripts"),
    INGESTED_FILES("ingested_files", TableSchemas.INGESTED_FILES, "ingest", "IngestTranscripts"),
    SILVER_MESSAGES("silver_messages", TableSchemas.SILVER_MESSAGES, "nlp", "ScoreMessages"),
    SILVER_CONVERSATIONS(
            "silver_conversations", TableSchemas.SILVER_CONVERSATIONS, "quality", "AssessConversationQuality"),
    GOLD_COHORT_DAILY("gold_cohort_daily", TableSchemas.GOLD_COHORT_DAILY, "cohort", "RebuildGold"),
    PIPELINE_RUNS("pipeline_runs", TableSchemas.PIPELINE_RUNS, "job", "NightlyJob"),
    MODEL_METRICS("model_metrics", TableSchemas.MODEL_METRICS, "quality", "AssessConversationQuality"),
    TOPICS("topics", TableSchemas.TOPICS, "quality", "AssessConversationQuality"),
    GOLD_COHORT_COMPARISON("gold_cohort_comparison", TableSchemas.GOLD_COHORT_COMPARISON, "cohort", "RebuildGold"),
    GOLD_QUALITY_DROP("gold_quality_drop", TableSchemas.GOLD_QUALITY_DROP, "cohort", "RebuildGold"),
    GOLD_TOPIC_QUALITY("gold_topic_quality", TableSchemas.GOLD_TOPIC_QUALITY, "cohort", "RebuildGold");

    private final String tableName;
    private final StructType schema;
    private final String writerPackage;
    private final String writer;

    Table(String tableName, StructType schema, String writerPackage, String writer) {
        this.tableName = tableName;
        this.schema = schema;
        this.writerPackage = writerPackage;
        this.writer = writer;
    }

    /** The package of the stage that writes the table ({@code ingest}, {@code nlp}, ...). */
    public String writerPackage() {
        return writerPackage;
    }

    /** The stage action that writes the table, e.g. {@code IngestTranscripts}. */
    public String writer() {
        return writer;
    }

    public String tableName() {
        return tableName;
    }

    public StructType schema() {
        return schema;
    }
}
