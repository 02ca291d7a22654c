package org.csat.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.csat.cohort.BuildCohortDaily;
import org.csat.cohort.RebuildCohortComparison;
import org.csat.config.PipelineConfig;
import org.csat.ingest.IngestTranscripts;
import org.csat.nlp.BuildSilverMessages;
import org.csat.quality.SummarizeConversations;
import org.csat.tables.Table;
import org.csat.tables.UpsertConversationRows;
import org.csat.tables.Warehouse;

/**
 * The nightly job: ingest the night's files into bronze, score the conversations that are new
 * or changed in bronze (all of bronze with {@code rescore}), upsert them into silver, and
 * rebuild gold from silver. Each step is a Delta commit that either happens whole or not at
 * all; a re-run after a crash picks up from what bronze holds.
 */
public final class NightlyJob {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private PipelineConfig config = PipelineConfig.defaults();
    private String inputDir;
    private LocalDate from;
    private LocalDate to;
    private boolean rescore;

    /** What the run did: ingest's reconciled counts and rows written per table. */
    public record Result(IngestTranscripts.Result ingest, long conversationsScored, Map<String, Long> rowsWritten) {
    }

    public NightlyJob(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    public NightlyJob config(PipelineConfig config) {
        this.config = config;
        return this;
    }

    public NightlyJob inputDir(String inputDir) {
        this.inputDir = inputDir;
        return this;
    }

    public NightlyJob nights(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        return this;
    }

    /** Re-score every bronze conversation, not only this run's (after a model or rule change). */
    public NightlyJob rescore(boolean rescore) {
        this.rescore = rescore;
        return this;
    }

    public Result execute(String runId, Timestamp runTime) throws IOException {
        if (inputDir == null) {
            throw new IllegalArgumentException("inputDir must be set");
        }
        IngestTranscripts.Result ingest = new IngestTranscripts(spark, warehouse)
                .config(config).inputDir(inputDir).nights(from, to).run(runId, runTime).execute();
        Map<String, Long> written = new TreeMap<>(ingest.rowsWritten());

        spark.sparkContext().setJobGroup("SCORE", "score changed conversations (run " + runId + ")", false);
        Dataset<Row> bronze = warehouse.read(Table.BRONZE_CONVERSATIONS);
        Dataset<Row> batch = rescore ? bronze : bronze.where(col("ingest_run_id").equalTo(lit(runId)));
        int scoringPartitions = spark.sparkContext().defaultParallelism() * 4;
        BuildSilverMessages silverMessages = new BuildSilverMessages(config, scoringPartitions);
        Dataset<Row> conversations = silverMessages.withLanguage(batch).persist(StorageLevel.MEMORY_AND_DISK());
        long scored = 0;
        try {
            Dataset<Row> messages = silverMessages.apply(conversations).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                written.put(Table.SILVER_MESSAGES.tableName(),
                        new UpsertConversationRows(warehouse, Table.SILVER_MESSAGES, List.of("conversation_id", "seq")).execute(messages));
                Dataset<Row> summaries = new SummarizeConversations(config, runId).apply(messages, conversations);
                long summaryRows = new UpsertConversationRows(warehouse, Table.SILVER_CONVERSATIONS, List.of("conversation_id"))
                        .execute(summaries);
                written.put(Table.SILVER_CONVERSATIONS.tableName(), summaryRows);
                scored = summaryRows;
            } finally {
                messages.unpersist();
            }
        } finally {
            conversations.unpersist();
        }

        spark.sparkContext().setJobGroup("GOLD", "rebuild gold tables (run " + runId + ")", false);
        Dataset<Row> daily = new BuildCohortDaily().apply(warehouse.read(Table.SILVER_CONVERSATIONS));
        long before = warehouse.version(Table.GOLD_COHORT_DAILY);
        warehouse.open(Table.GOLD_COHORT_DAILY);
        daily.write().format("delta").mode("overwrite").save(warehouse.path(Table.GOLD_COHORT_DAILY));
        written.put(Table.GOLD_COHORT_DAILY.tableName(), warehouse.rowsWrittenSince(Table.GOLD_COHORT_DAILY, before));
        written.putAll(new RebuildCohortComparison(spark, warehouse).config(config).execute());
        spark.sparkContext().clearJobGroup();
        return new Result(ingest, scored, written);
    }
}
