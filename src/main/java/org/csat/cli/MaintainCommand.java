package org.csat.cli;

import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.job.MaintainTables;
import org.csat.stage.Run;
import org.csat.stage.SparkSessions;
import org.csat.stage.StageContext;
import org.csat.tables.Warehouse;

/** {@code csat maintain}: OPTIMIZE and VACUUM every table, and print what it did. */
final class MaintainCommand implements Command {
    @Override
    public String name() {
        return "maintain";
    }

    @Override
    public String summary() {
        return "compact every table's small files (OPTIMIZE) and delete unreferenced old ones (VACUUM)";
    }

    @Override
    public String usage() {
        return """
                usage: csat maintain [--warehouse DIR] [--conf FILE] [--set key=value[;key=value...]]

                  --warehouse DIR  where the Delta tables live (default warehouse)
                  --conf, --set    settings, as for nightly: maintain.vacuum_retention_hours (default 168,
                                   Delta's safe minimum; lower only with maintain.allow_short_retention=true)

                Compacts each table's files, then deletes the files no version of the retention period
                reads (time travel reaches back that far, no further). Takes the warehouse's run lock, so
                it waits for no one: while a nightly run holds it, maintain exits 1 and can be re-run.
                Exit code 0 on success, 1 on failure, 2 for a wrong command line or setting.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("warehouse", "conf", "set");
    }

    @Override
    public int run(Args args) throws Exception {
        args.requireNoPositional();
        PipelineConfig config = NightlyCommand.loadConfig(args);
        String warehouseDir = args.get("warehouse", "warehouse");
        try (SparkSessions.Handle session = SparkSessions.open("csat maintain", config, warehouseDir)) {
            SparkSession spark = session.spark();
            Warehouse warehouse =
                    new Warehouse(spark, warehouseDir, config.catalog().database());
            if (!warehouse.isPresent()) {
                throw new IllegalArgumentException(
                        "no warehouse at " + warehouse.root() + "; run bin/csat nightly first");
            }
            Run run = Run.startingNow();
            MaintainTables.Result result =
                    new MaintainTables(new StageContext(spark, warehouse, config, run)).execute();
            System.out.printf(
                    Locale.ROOT,
                    "maintained %d tables in %s (VACUUM retention %d hours)%n",
                    result.tables().size(),
                    warehouse.root(),
                    result.retentionHours());
            for (MaintainTables.TableMaintenance table : result.tables()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-22s OPTIMIZE %d files -> %d (%s -> %s); VACUUM deleted %d files%n",
                        table.table().tableName(),
                        table.filesCompacted(),
                        table.filesWritten(),
                        size(table.bytesBefore()),
                        size(table.bytesAfter()),
                        table.filesDeleted());
            }
            return 0;
        }
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
