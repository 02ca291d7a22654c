package org.csat.job;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
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
import org.csat.report.RenderReport;
import org.csat.stage.Run;
import org.csat.stage.StageContext;
import org.csat.stage.StageProgress;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.tables.WarehouseLock;

/**
 * The nightly job: puts the stages in order and records the run. {@link IngestTranscripts}
 * (bronze, quarantine), {@link ScoreMessages} (silver_messages, for the bronze conversations not
 * yet reflected in silver), {@link AssessConversationQuality} (silver_conversations,
 * model_metrics, topics), {@link RebuildGold} (every gold table), then
 * {@link MarkConversationsScored} (bronze's scored_run_id), and last, when {@code report.output}
 * is set, {@link RenderReport} (the HTML report); each stage writes its own tables in Delta
 * commits that happen whole or not at all. A run that dies anywhere leaves bronze rows
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
    private boolean reingest;
    private Run run;
    private String arguments = "";
    private boolean allowEmpty;
    private StageProgress progress = StageProgress.NONE;
    private int progressSeconds;

    /**
     * How a run ended when it did not fail, as {@code pipeline_runs.status} records it: every stage
     * ran; no input file was found, so nothing after ingest ran (unless allowed, see
     * {@link #allowEmpty}); or every stage ran but the share of quarantined records is above
     * {@code ingest.max_quarantine_share}.
     */
    public enum Outcome {
        SUCCEEDED("succeeded"),
        NO_INPUT("no_input"),
        QUARANTINE_ABOVE_LIMIT("quarantine_above_limit");

        private final String status;

        Outcome(String status) {
            this.status = status;
        }

        public String status() {
            return status;
        }
    }

    /**
     * What the run did: how it ended, ingest's reconciled counts, the check of the sources'
     * languages (null when nothing was scored), rows written per table, seconds per stage.
     */
    public record Result(
            Run run,
            Outcome outcome,
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

    /**
     * Read every input file present (of the nights asked for), not only those not read before.
     * Without a night range a run reads only new and changed files ({@link IngestTranscripts#onlyNewFiles}).
     */
    public NightlyJob reingest(boolean reingest) {
        this.reingest = reingest;
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

    /**
     * Whether a run that finds no input file goes on to score and rebuild gold (an expected quiet
     * night) instead of stopping after ingest with {@link Outcome#NO_INPUT} (a missed export).
     */
    public NightlyJob allowEmpty(boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
        return this;
    }

    /** Reports each stage's start and end to {@code progress}, and its Spark tasks every {@code seconds} while it runs. */
    public NightlyJob progress(StageProgress progress, int seconds) {
        if (progress == null || seconds < 0) {
            throw new IllegalArgumentException("progress needs a listener and an interval of 0 (none) or more seconds");
        }
        this.progress = progress;
        this.progressSeconds = seconds;
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
            log.append(PipelineRunLog.Entry.ended(
                    thisRun,
                    arguments,
                    result.outcome().status(),
                    result.ingest(),
                    result.languageCheck(),
                    result.rowsWritten()));
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
        StageClock clock = new StageClock(spark.sparkContext(), progress, progressSeconds);
        Map<Table, Long> written = new EnumMap<>(Table.class);
        IngestTranscripts.Result ingest = clock.time(
                "ingest",
                () -> new IngestTranscripts(context)
                        .inputDir(inputDir)
                        .nights(from, to)
                        .onlyNewFiles(from == null && to == null && !reingest)
                        .execute(),
                (r, s) -> String.format(
                        "%,d files (%,d read before), %,d records read (%,.0f/s) = %,d accepted + %,d quarantined",
                        r.inputFiles(),
                        r.filesAlreadyIngested(),
                        r.recordsRead(),
                        r.recordsRead() / Math.max(s, 1e-3),
                        r.recordsAccepted(),
                        r.recordsQuarantined()));
        written.putAll(ingest.rowsWritten());
        if (ingest.inputFiles() == 0 && !allowEmpty) {
            return new Result(context.run(), Outcome.NO_INPUT, ingest, null, 0, written, clock.seconds());
        }

        ScoreMessages.Result scored = clock.time(
                "score",
                () -> new ScoreMessages(context).rescore(rescore).execute(),
                (r, s) -> String.format(
                        "%,d messages written (%,.0f/s)",
                        r.messagesWritten(), r.messagesWritten() / Math.max(s, 1e-3)));
        ScoredBatch batch = scored.batch();
        long conversationsScored = 0;
        try (batch) {
            written.put(Table.SILVER_MESSAGES, scored.messagesWritten());
            if (batch.isEmpty()) {
                written.put(Table.SILVER_CONVERSATIONS, 0L);
            } else {
                AssessConversationQuality.Result quality = clock.time(
                        "quality",
                        () -> new AssessConversationQuality(context)
                                .batch(batch.conversations(), batch.messages())
                                .refitTopics(rescore)
                                .execute(),
                        (r, s) -> String.format(
                                "%,d conversations (%,.0f/s), CSAT by %s",
                                r.conversationsWritten(),
                                r.conversationsWritten() / Math.max(s, 1e-3),
                                r.csatSource()));
                written.putAll(quality.rowsWritten());
                conversationsScored = quality.conversationsWritten();
            }
        }

        RebuildGold.Result gold = clock.time(
                "gold",
                () -> new RebuildGold(context).execute(),
                (r, s) -> String.format(
                        "%,d rows in %d tables",
                        r.rowsWritten().values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                        r.rowsWritten().size()));
        written.putAll(gold.rowsWritten());
        if (!batch.isEmpty()) {
            new MarkConversationsScored(context)
                    .conversations(batch.conversations())
                    .execute();
        }
        if (config.report().writesAfterNightly()) {
            clock.time(
                    "report",
                    () -> new RenderReport(context)
                            .output(config.report().output())
                            .thisRun(ingest)
                            .execute(),
                    (r, s) -> String.format("%d charts, %,d bytes to %s", r.charts(), r.bytes(), r.output()));
        }
        return new Result(
                context.run(),
                outcome(ingest),
                ingest,
                scored.languageCheck(),
                conversationsScored,
                written,
                clock.seconds());
    }

    /** Above the configured share of quarantined records the run still writes every table, and says so. */
    private Outcome outcome(IngestTranscripts.Result ingest) {
        double limit = config.ingest().maxQuarantineShare();
        boolean above = ingest.recordsRead() > 0 && (double) ingest.recordsQuarantined() / ingest.recordsRead() > limit;
        return above ? Outcome.QUARANTINE_ABOVE_LIMIT : Outcome.SUCCEEDED;
    }
}
