package org.csat.job;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.csat.cohort.RebuildGold;
import org.csat.config.PipelineConfig;
import org.csat.ingest.IngestTranscripts;
import org.csat.ingest.MarkConversationsScored;
import org.csat.nlp.LanguageCheck;
import org.csat.nlp.ScoreMessages;
import org.csat.nlp.ScoredBatch;
import org.csat.quality.AssessConversationQuality;
import org.csat.stage.Run;
import org.csat.stage.StageContext;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.tables.WarehouseLock;

/**
 * The nightly job: puts the stages in order and records the run. {@link IngestTranscripts}
 * (bronze, quarantine), {@link ScoreMessages} (silver_messages, for the bronze conversations not
 * yet reflected in silver), {@link AssessConversationQuality} (silver_conversations,
 * model_metrics, topics), {@link RebuildGold} (every gold table), then
 * {@link MarkConversationsScored} (bronze's scored_run_id); each stage writes its own tables in
 * Delta commits that happen whole or not at all. A run that dies anywhere leaves bronze rows
 * unmarked and the next run scores them, so a re-run after a crash ends where an unbroken run
 * would. Every run, succeeded or failed, gets a row in {@code pipeline_runs}, whoever calls the
 * job. One run at a time holds the warehouse ({@link WarehouseLock}).
 */
public final class NightlyJob {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final PipelineConfig config;
    private String inputDir;
    private LocalDate from;
    private LocalDate to;
    private boolean rescore;
    private Run run;
    private String arguments = "";

    /**
     * What the run did: ingest's reconciled counts, the check of the sources' languages, rows
     * written per table, seconds per stage.
     */
    public record Result(
            Run run,
            IngestTranscripts.Result ingest,
            LanguageCheck languageCheck,
            long conversationsScored,
            Map<Table, Long> rowsWritten,
            Map<String, Double> stageSeconds) {}

    public NightlyJob(SparkSession spark, Warehouse warehouse, PipelineConfig config) {
        if (spark == null || warehouse == null || config == null) {
            throw new IllegalArgumentException("the nightly job needs a session, a warehouse and its settings");
        }
        this.spark = spark;
        this.warehouse = warehouse;
        this.config = config;
    }

    public NightlyJob inputDir(String inputDir) {
        if (inputDir == null || inputDir.isBlank()) {
            throw new IllegalArgumentException("inputDir must be a directory, got '" + inputDir + "'");
        }
        this.inputDir = inputDir;
        return this;
    }

    /** Nights to take, inclusive; either may be null for an open end. */
    public NightlyJob nights(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends (" + to + ") before it starts (" + from + ")");
        }
        this.from = from;
        this.to = to;
        return this;
    }

    /** Re-score every bronze conversation, not only this run's (after a model or rule change). */
    public NightlyJob rescore(boolean rescore) {
        this.rescore = rescore;
        return this;
    }

    /** The run's id and start time (default: a new run starting when {@link #execute} is called). */
    public NightlyJob run(Run run) {
        if (run == null) {
            throw new IllegalArgumentException("run must not be null");
        }
        this.run = run;
        return this;
    }

    /** How the job was invoked, as recorded in {@code pipeline_runs.arguments}. */
    public NightlyJob arguments(String arguments) {
        this.arguments = arguments == null ? "" : arguments;
        return this;
    }

    /** Runs the job holding the warehouse's run lock and records the run, also when it fails. */
    public Result execute() throws IOException {
        if (inputDir == null) {
            throw new IllegalStateException("NightlyJob needs inputDir(...) before execute()");
        }
        Run thisRun = run == null ? Run.startingNow() : run;
        PipelineRunLog log = new PipelineRunLog(spark, warehouse);
        Result result;
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse, thisRun.id())) {
            result = stages(new StageContext(spark, warehouse, config, thisRun));
            log.append(PipelineRunLog.Entry.succeeded(
                    thisRun, arguments, result.ingest(), result.languageCheck(), result.rowsWritten()));
        } catch (IOException | RuntimeException e) {
            // also when the lock was refused: the run that gave way says so in the log
            recordFailure(log, thisRun, e);
            throw e;
        }
        return result;
    }

    private void recordFailure(PipelineRunLog log, Run thisRun, Exception e) {
        try {
            log.append(PipelineRunLog.Entry.failed(thisRun, arguments, e));
        } catch (RuntimeException logFailure) {
            e.addSuppressed(logFailure);
        }
    }

    private Result stages(StageContext context) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<Table, Long> written = new EnumMap<>(Table.class);
        long t0 = System.nanoTime();
        IngestTranscripts.Result ingest = new IngestTranscripts(context)
                .inputDir(inputDir)
                .nights(from, to)
                .execute();
        written.putAll(ingest.rowsWritten());
        long t1 = System.nanoTime();
        seconds.put("ingest", (t1 - t0) / 1e9);

        ScoreMessages.Result scored =
                new ScoreMessages(context).rescore(rescore).execute();
        ScoredBatch batch = scored.batch();
        long conversationsScored = 0;
        try (batch) {
            written.put(Table.SILVER_MESSAGES, scored.messagesWritten());
            if (batch.isEmpty()) {
                written.put(Table.SILVER_CONVERSATIONS, 0L);
            } else {
                AssessConversationQuality.Result quality = new AssessConversationQuality(context)
                        .batch(batch.conversations(), batch.messages())
                        .refitTopics(rescore)
                        .execute();
                written.putAll(quality.rowsWritten());
                conversationsScored = quality.conversationsWritten();
            }
        }
        long t2 = System.nanoTime();
        seconds.put("score", (t2 - t1) / 1e9);

        written.putAll(new RebuildGold(context).execute().rowsWritten());
        if (!batch.isEmpty()) {
            new MarkConversationsScored(context)
                    .conversations(batch.conversations())
                    .execute();
        }
        seconds.put("gold", (System.nanoTime() - t2) / 1e9);
        return new Result(context.run(), ingest, scored.languageCheck(), conversationsScored, written, seconds);
    }
}
