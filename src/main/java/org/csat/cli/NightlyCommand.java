package org.csat.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.job.FailureReason;
import org.csat.job.NightlyJob;
import org.csat.stage.Run;
import org.csat.stage.SparkSessions;
import org.csat.tables.Warehouse;

/**
 * {@code csat nightly}: ingest, score and compare; logs the run in {@code pipeline_runs}. Exit
 * codes a scheduler can act on (0 ok, 1 failed, 2 wrong command line or configuration, 3 no
 * input, 4 too much quarantined), progress on stderr, one summary line on stdout.
 */
final class NightlyCommand implements Command {
    /** How often a running stage reports its Spark tasks: often enough to show it is alive, rarely enough to read. */
    private static final int PROGRESS_SECONDS = 10;

    @Override
    public String name() {
        return "nightly";
    }

    @Override
    public String summary() {
        return "ingest transcripts, score conversations, rebuild the gold tables";
    }

    @Override
    public String usage() {
        return """
                usage: csat nightly [--input DIR] [--warehouse DIR] [--date YYYY-MM-DD | --from D --to D]
                                    [--conf FILE] [--set key=value[;key=value...]] [--rescore] [--reingest]
                                    [--allow-empty] [--verbose] [--log-file FILE]

                Without --date/--from/--to a run reads only the input not read before: every night folder
                with a new or changed file (size or time), and new files outside night folders; the
                files read are kept in the table ingested_files. A date range re-reads its nights
                (re-runs and backfills).

                  --input DIR      transcripts: .jsonl, .jsonl.gz, .csv files, any depth (default sample-data/transcripts)
                  --warehouse DIR  where the Delta tables live (default warehouse)
                  --date D         re-read the night D: files under a directory named D or date=D
                  --from D --to D  re-read the nights from D to D, inclusive (either end may be left open)
                  --conf FILE      a properties file overriding conf/csat.properties (phrases/ beside it overrides phrase lists)
                  --set k=v        override single settings, ';'-separated
                  --rescore        re-score every conversation in bronze, not only the new and changed ones
                  --reingest       read every input file present, not only the new and changed ones
                  --allow-empty    a run that finds no input file still scores and rebuilds gold, and exits 0
                  --verbose        Spark's own warnings and full stack traces on the console
                  --log-file FILE  also write the log, with stack traces, to FILE

                Progress goes to stderr, one line per stage as it starts and ends and every 10 s while it
                runs; one summary line goes to stdout. Exit codes:
                  0  every table written
                  1  the run failed: the reason is the last line of stderr and pipeline_runs has a failed row
                  2  the command line or the configuration is wrong (checked before Spark starts; no run logged)
                  3  no input file found for the nights asked for, or none new since the last run (a missed
                     export?); nothing after ingest ran (--allow-empty makes that a normal run)
                  4  every table written, but the share of quarantined records is above
                     ingest.max_quarantine_share (see the quarantine table)""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("input", "warehouse", "date", "from", "to", "conf", "set");
    }

    @Override
    public Set<String> flags() {
        return Set.of("rescore", "reingest", "allow-empty");
    }

    @Override
    public int run(Args args) throws Exception {
        return run(args, System.out, System.err);
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.requireNoPositional();
        LocalDate from = date(args, "from");
        LocalDate to = date(args, "to");
        if (args.has("date")) {
            if (from != null || to != null) {
                throw new UsageException("give either --date or --from/--to, not both");
            }
            from = date(args, "date");
            to = from;
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        PipelineConfig config = loadConfig(args);
        String input = args.get("input", "sample-data/transcripts");
        checkLocalInput(input);
        String warehouseDir = args.get("warehouse", "warehouse");
        Run run = Run.startingNow();
        try (SparkSessions.Handle session = SparkSessions.open("csat nightly", config, warehouseDir)) {
            SparkSession spark = session.spark();
            Warehouse warehouse =
                    new Warehouse(spark, warehouseDir, config.catalog().database());
            NightlyJob.Result result = new NightlyJob(spark, warehouse, config)
                    .inputDir(input)
                    .nights(from, to)
                    .rescore(args.has("rescore"))
                    .reingest(args.has("reingest"))
                    .allowEmpty(args.has("allow-empty"))
                    .progress(new ConsoleProgress(err), PROGRESS_SECONDS)
                    .run(run)
                    .arguments(args.options().toString())
                    .execute();
            // after the run, which holds the warehouse: a run that gave way to another creates no table
            warehouse.registerTables();
            printDetails(
                    err,
                    result,
                    input,
                    config.catalog().database(),
                    warehouseDir,
                    from != null || to != null,
                    config.report().writesAfterNightly() ? config.report().output() : null);
            int exit = exitCode(result.outcome());
            out.println(summaryLine(result, exit));
            return exit;
        } catch (Exception e) {
            out.printf("csat nightly: run %s failed, exit 1: %s%n", run.id(), FailureReason.oneLine(e));
            throw e;
        }
    }

    /** 0, 3 or 4: the exit code of a run that did not fail (see {@link #usage}). */
    static int exitCode(NightlyJob.Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> 0;
            case NO_INPUT -> 3;
            case QUARANTINE_ABOVE_LIMIT -> 4;
        };
    }

    private static String summaryLine(NightlyJob.Result result, int exit) {
        var ingest = result.ingest();
        double seconds = (System.currentTimeMillis() - result.run().startedAt().getTime()) / 1000.0;
        return String.format(
                "csat nightly: run %s %s, exit %d: files %d (%d read before), records read %d = accepted %d +"
                        + " quarantined %d, conversations scored %d, %.1f s",
                result.run().id(),
                result.outcome().status(),
                exit,
                ingest.inputFiles(),
                ingest.filesAlreadyIngested(),
                ingest.recordsRead(),
                ingest.recordsAccepted(),
                ingest.recordsQuarantined(),
                result.conversationsScored(),
                seconds);
    }

    private static void printDetails(
            PrintStream err,
            NightlyJob.Result result,
            String input,
            String database,
            String warehouseDir,
            boolean dated,
            String report) {
        var ingest = result.ingest();
        err.printf(
                "  input files %d (%d outside the date range, %d read before), records read %d = accepted %d +"
                        + " quarantined %d%n",
                ingest.inputFiles(),
                ingest.filesOutsideRange(),
                ingest.filesAlreadyIngested(),
                ingest.recordsRead(),
                ingest.recordsAccepted(),
                ingest.recordsQuarantined());
        err.printf(
                "  conversations accepted %d (%d more superseded by a later night), scored %d%n",
                ingest.conversationsAccepted(), ingest.conversationsSuperseded(), result.conversationsScored());
        Map<String, Long> written = new TreeMap<>();
        result.rowsWritten().forEach((table, rows) -> written.put(table.tableName(), rows));
        err.println("  rows written: " + written);
        StringBuilder stages = new StringBuilder("  stage seconds:");
        result.stageSeconds().forEach((stage, s) -> stages.append(String.format(" %s %.1f", stage, s)));
        err.println(stages);
        if (report != null && result.outcome() != NightlyJob.Outcome.NO_INPUT) {
            err.println("  report written to " + report);
        }
        switch (result.outcome()) {
            case NO_INPUT ->
                err.println("no input file found under " + input + (dated ? " for the nights asked for" : "")
                        + "; nothing was scored (use --allow-empty when an empty night is expected)");
            case QUARANTINE_ABOVE_LIMIT ->
                err.printf(
                        "more than %.1f%% of the records were quarantined (ingest.max_quarantine_share); see"
                                + " bin/csat query \"SELECT reason_code, count(*) FROM quarantine GROUP BY 1\"%n",
                        100 * ingest.recordsQuarantined() / (double) Math.max(1, ingest.recordsRead()));
            case SUCCEEDED ->
                err.println("  tables in " + warehouseDir + "/, named " + database + ".<table>; try: bin/csat query"
                        + " \"SELECT * FROM " + database + ".gold_quality_drop\"");
        }
    }

    /**
     * A local input directory that does not exist is a mistake on the command line, caught before
     * Spark starts; a remote one (s3a://, hdfs://, ...) can only be checked by the run itself.
     */
    private static void checkLocalInput(String input) {
        URI uri;
        try {
            uri = new URI(input);
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean local = uri == null
                || uri.getScheme() == null
                || uri.getScheme().length() == 1
                || "file".equals(uri.getScheme());
        if (!local) {
            return;
        }
        Path path = uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : Path.of(input);
        if (!Files.isDirectory(path)) {
            throw new UsageException(
                    "--input " + input + (Files.exists(path) ? " is not a directory" : " does not exist"));
        }
    }

    static PipelineConfig loadConfig(Args args) {
        try {
            return PipelineConfig.load(
                    args.has("conf") ? Path.of(args.get("conf")) : null,
                    PipelineConfig.parseOverrides(args.get("set")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static LocalDate date(Args args, String name) {
        String value = args.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date like 2024-03-01, got '" + value + "'");
        }
    }
}
