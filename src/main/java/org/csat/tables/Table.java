package org.csat.tables;

import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables the pipeline writes, each under {@code <warehouse>/<name>} and queried by
 * that name. The layer prefix says where a table sits in the line transcripts -> bronze ->
 * silver -> gold.
 */
public enum Table {
    BRONZE_CONVERSATIONS("bronze_conversations", TableSchemas.BRONZE_CONVERSATIONS),
    QUARANTINE("quarantine", TableSchemas.QUARANTINE),
    SILVER_MESSAGES("silver_messages", TableSchemas.SILVER_MESSAGES),
    SILVER_CONVERSATIONS("silver_conversations", TableSchemas.SILVER_CONVERSATIONS),
    GOLD_COHORT_DAILY("gold_cohort_daily", TableSchemas.GOLD_COHORT_DAILY),
    PIPELINE_RUNS("pipeline_runs", TableSchemas.PIPELINE_RUNS),
    MODEL_METRICS("model_metrics", TableSchemas.MODEL_METRICS),
    TOPICS("topics", TableSchemas.TOPICS),
    GOLD_COHORT_COMPARISON("gold_cohort_comparison", TableSchemas.GOLD_COHORT_COMPARISON),
    GOLD_QUALITY_DROP("gold_quality_drop", TableSchemas.GOLD_QUALITY_DROP),
    GOLD_TOPIC_QUALITY("gold_topic_quality", TableSchemas.GOLD_TOPIC_QUALITY);

    private final String tableName;
    private final StructType schema;

    Table(String tableName, StructType schema) {
        this.tableName = tableName;
        this.schema = schema;
    }

    public String tableName() {
        return tableName;
    }

    public StructType schema() {
        return schema;
    }
}
