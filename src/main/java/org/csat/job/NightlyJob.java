package org.csat.job;

import static org.apache.spark.sql.functions.col;

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
import org.csat.ingest.MarkConversationsScored;
import org.csat.nlp.BuildSilverMessages;
import org.csat.quality.AssessConversationQuality;
import org.csat.quality.SummarizeConversations;
import org.csat.tables.ConcurrentWrites;
import org.csat.tables.Table;
import org.csat.tables.UpsertConversationRows;
import org.csat.tables.Warehouse;
import org.csat.tables.WarehouseLock;

/**
 * The nightly job: ingest the night's files into bronze, score the bronze conversations not
 * yet reflected in silver (all of bronze with {@code rescore}), upsert them into silver,
 * rebuild gold from silver, and mark the scored bronze rows. Each step is a Delta commit that
 * either happens whole or not at all; a run that dies anywhere leaves bronze rows unmarked,
 * and the next run scores them, so a re-run after a crash ends where an unbroken run would.
 * Writes that collide with another run's commit are retried ({@link ConcurrentWrites}); gold is
 * rebuilt again if silver moved while it was being built, so the last gold always reflects
 * the last silver.
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
    public record Result(
            IngestTranscripts.Result ingest,
            long conversationsScored,
            Map<String, Long> rowsWritten,
            Map<String, Double> stageSeconds) {}

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

    /** Runs the job holding the warehouse's run lock ({@link WarehouseLock}: one run at a time on a local warehouse). */
    public Result execute(String runId, Timestamp runTime) throws IOException {
        if (inputDir == null) {
            throw new IllegalArgumentException("inputDir must be set");
        }
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse, runId)) {
            return executeLocked(runId, runTime);
        }
    }

    private Result executeLocked(String runId, Timestamp runTime) throws IOException {
        Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        long t0 = System.nanoTime();
        IngestTranscripts.Result ingest = new IngestTranscripts(spark, warehouse)
                .config(config)
                .inputDir(inputDir)
                .nights(from, to)
                .run(runId, runTime)
                .execute();
        Map<String, Long> written = new TreeMap<>(ingest.rowsWritten());
        long t1 = System.nanoTime();
        seconds.put("ingest", (t1 - t0) / 1e9);

        spark.sparkContext().setJobGroup("SCORE", "score changed conversations (run " + runId + ")", false);
        warehouse.open(Table.BRONZE_CONVERSATIONS);
        Dataset<Row> bronze =
                warehouse.readVersion(Table.BRONZE_CONVERSATIONS, warehouse.version(Table.BRONZE_CONVERSATIONS));
        Dataset<Row> batch =
                rescore ? bronze : bronze.where(col("scored_run_id").isNull());
        int scoringPartitions = spark.sparkContext().defaultParallelism() * 4;
        BuildSilverMessages silverMessages = new BuildSilverMessages(config, scoringPartitions);
        Dataset<Row> conversations = silverMessages.withLanguage(batch).persist(StorageLevel.MEMORY_AND_DISK());
        boolean anyScored = !conversations.isEmpty();
        long scored = 0;
        try {
            scored = anyScored ? writeSilver(silverMessages, conversations, runId, written) : 0;
        } finally {
            conversations.unpersist();
        }
        if (!anyScored) {
            written.put(Table.SILVER_MESSAGES.tableName(), 0L);
            written.put(Table.SILVER_CONVERSATIONS.tableName(), 0L);
        }

        long t2 = System.nanoTime();
        seconds.put("score", (t2 - t1) / 1e9);
        spark.sparkContext().setJobGroup("GOLD", "rebuild gold tables (run " + runId + ")", false);
        long silverVersion;
        int builds = 0;
        do {
            silverVersion = warehouse.version(Table.SILVER_CONVERSATIONS);
            ConcurrentWrites.retrying(Table.GOLD_COHORT_DAILY, () -> rebuildGold(written));
        } while (++builds < ConcurrentWrites.ATTEMPTS
                && warehouse.version(Table.SILVER_CONVERSATIONS) != silverVersion);
        if (anyScored) {
            new MarkConversationsScored(warehouse).execute(batch, runId);
        }
        spark.sparkContext().clearJobGroup();
        seconds.put("gold", (System.nanoTime() - t2) / 1e9);
        return new Result(ingest, scored, written, seconds);
    }

    /** Scores the batch, upserts silver_messages and assesses quality into silver_conversations; returns the conversations written. */
    private long writeSilver(
            BuildSilverMessages silverMessages, Dataset<Row> conversations, String runId, Map<String, Long> written)
            throws IOException {
        Dataset<Row> messages = silverMessages.apply(conversations).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            written.put(
                    Table.SILVER_MESSAGES.tableName(),
                    ConcurrentWrites.retrying(
                            Table.SILVER_MESSAGES,
                            () -> new UpsertConversationRows(
                                            warehouse, Table.SILVER_MESSAGES, List.of("conversation_id", "seq"))
                                    .execute(messages)));
            Dataset<Row> summaries = new SummarizeConversations(config, runId).apply(messages, conversations);
            AssessConversationQuality.Result quality = new AssessConversationQuality(spark, warehouse)
                    .config(config)
                    .runId(runId)
                    .refitTopics(rescore)
                    .execute(summaries);
            written.putAll(quality.rowsWritten());
            return quality.conversationsWritten();
        } finally {
            messages.unpersist();
        }
    }

    private Void rebuildGold(Map<String, Long> written) {
        Dataset<Row> daily = new BuildCohortDaily().apply(warehouse.read(Table.SILVER_CONVERSATIONS));
        long before = warehouse.version(Table.GOLD_COHORT_DAILY);
        warehouse.open(Table.GOLD_COHORT_DAILY);
        daily.write().format("delta").mode("overwrite").save(warehouse.path(Table.GOLD_COHORT_DAILY));
        written.put(Table.GOLD_COHORT_DAILY.tableName(), warehouse.rowsWrittenSince(Table.GOLD_COHORT_DAILY, before));
        written.putAll(
                new RebuildCohortComparison(spark, warehouse).config(config).execute());
        return null;
    }
}
