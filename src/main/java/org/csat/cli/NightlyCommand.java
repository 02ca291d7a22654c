package org.csat.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.job.NightlyJob;
import org.csat.stage.Run;
import org.csat.stage.SparkSessions;
import org.csat.tables.Warehouse;

/** {@code csat nightly}: ingest, score and compare; logs the run in {@code pipeline_runs}. */
final class NightlyCommand implements Command {
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
                                    [--conf FILE] [--set key=value[;key=value...]] [--rescore]

                  --input DIR      transcripts: .jsonl, .jsonl.gz, .csv files, any depth (default sample-data/transcripts)
                  --warehouse DIR  where the Delta tables live (default warehouse)
                  --date D         take only the night D: files under a directory named D or date=D
                  --from D --to D  take the nights from D to D, inclusive (either end may be left open)
                  --conf FILE      a properties file overriding conf/csat.properties (phrases/ beside it overrides phrase lists)
                  --set k=v        override single settings, ';'-separated
                  --rescore        re-score every conversation in bronze, not only the new and changed ones

                Exit code 0 on success; 1 on failure, with the reason on the last line of stderr.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("input", "warehouse", "date", "from", "to", "conf", "set");
    }

    @Override
    public Set<String> flags() {
        return Set.of("rescore");
    }

    @Override
    public int run(Args args) throws Exception {
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
                    .run(run)
                    .arguments(args.options().toString())
                    .execute();
            // after the run, which holds the warehouse: a run that gave way to another creates no table
            warehouse.registerTables();
            var ingest = result.ingest();
            double took = (System.currentTimeMillis() - result.run().startedAt().getTime()) / 1000.0;
            System.out.printf("run %s succeeded in %.1f s%n", result.run().id(), took);
            System.out.printf(
                    "  input files %d (%d outside the date range), records read %d = accepted %d + quarantined %d%n",
                    ingest.inputFiles(),
                    ingest.filesOutsideRange(),
                    ingest.recordsRead(),
                    ingest.recordsAccepted(),
                    ingest.recordsQuarantined());
            System.out.printf(
                    "  conversations accepted %d (%d more superseded by a later night), scored %d%n",
                    ingest.conversationsAccepted(), ingest.conversationsSuperseded(), result.conversationsScored());
            Map<String, Long> written = new TreeMap<>();
            result.rowsWritten().forEach((table, rows) -> written.put(table.tableName(), rows));
            System.out.println("  rows written: " + written);
            StringBuilder stages = new StringBuilder("  stage seconds:");
            result.stageSeconds().forEach((stage, s) -> stages.append(String.format(" %s %.1f", stage, s)));
            System.out.println(stages);
            if (ingest.inputFiles() == 0) {
                System.err.println("warning: no input files found under " + input
                        + (from != null || to != null ? " for the nights asked for" : ""));
            }
            String database = config.catalog().database();
            System.out.println("  tables in " + warehouseDir + "/, named " + database + ".<table>; try: bin/csat query"
                    + " \"SELECT * FROM " + database + ".gold_quality_drop\"");
            return 0;
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
