package org.csat.tables;

import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables the pipeline writes, each under {@code <warehouse>/<name>} and registered
 * under that name in the catalog's database. The layer prefix says where a table sits in the
 * line transcripts -> bronze -> silver -> gold. Each table has one writer: the stage action
 * named here (package and class), and only code of that stage's package writes it (checked by
 * a test, and stated in the README's package map). The silver tables keep Delta's change data
 * feed, so a downstream job reads what a night changed ({@code table_changes}) rather than the
 * whole table.
 */
public enum Table {
    BRONZE_CONVERSATIONS("bronze_conversations", TableSchemas.BRONZE_CONVERSATIONS, "ingest", "IngestTranscripts"),
    QUARANTINE("quarantine", TableSchemas.QUARANTINE, "ingest", "IngestTranscripts"),
    INGESTED_FILES("ingested_files", TableSchemas.INGESTED_FILES, "ingest", "IngestTranscripts"),
    SILVER_MESSAGES("silver_messages", TableSchemas.SILVER_MESSAGES, "nlp", "ScoreMessages", Feed.CHANGES),
    SILVER_CONVERSATIONS(
            "silver_conversations",
            TableSchemas.SILVER_CONVERSATIONS,
            "quality",
            "AssessConversationQuality",
            Feed.CHANGES),
    GOLD_COHORT_DAILY("gold_cohort_daily", TableSchemas.GOLD_COHORT_DAILY, "cohort", "RebuildGold"),
    PIPELINE_RUNS("pipeline_runs", TableSchemas.PIPELINE_RUNS, "job", "NightlyJob"),
    MODEL_METRICS("model_metrics", TableSchemas.MODEL_METRICS, "quality", "AssessConversationQuality"),
    TOPICS("topics", TableSchemas.TOPICS, "quality", "AssessConversationQuality"),
    GOLD_COHORT_COMPARISON("gold_cohort_comparison", TableSchemas.GOLD_COHORT_COMPARISON, "cohort", "RebuildGold"),
    GOLD_QUALITY_DROP("gold_quality_drop", TableSchemas.GOLD_QUALITY_DROP, "cohort", "RebuildGold"),
    GOLD_TOPIC_QUALITY("gold_topic_quality", TableSchemas.GOLD_TOPIC_QUALITY, "cohort", "RebuildGold"),
    GOLD_COHORT_COMPARISON_BY_LANGUAGE(
            "gold_cohort_comparison_by_language",
            TableSchemas.GOLD_COHORT_COMPARISON_BY_LANGUAGE,
            "cohort",
            "RebuildGold"),
    GOLD_QUALITY_DROP_BY_LANGUAGE(
            "gold_quality_drop_by_language", TableSchemas.GOLD_QUALITY_DROP_BY_LANGUAGE, "cohort", "RebuildGold");

    /** Whether a table records its changes row by row (Delta's change data feed). */
    private enum Feed {
        NONE,
        CHANGES
    }

    private static final String CHANGE_DATA_FEED = "delta.enableChangeDataFeed";

    private final String tableName;
    private final StructType schema;
    private final String writerPackage;
    private final String writer;
    private final Feed feed;

    Table(String tableName, StructType schema, String writerPackage, String writer) {
        this(tableName, schema, writerPackage, writer, Feed.NONE);
    }

    Table(String tableName, StructType schema, String writerPackage, String writer, Feed feed) {
        this.tableName = tableName;
        this.schema = schema;
        this.writerPackage = writerPackage;
        this.writer = writer;
        this.feed = feed;
    }

    /** The Delta table properties the table is created with and kept at. */
    public Map<String, String> properties() {
        return feed == Feed.CHANGES ? Map.of(CHANGE_DATA_FEED, "true") : Map.of();
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
