package org.csat.job;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.functions;
import org.csat.stage.StageAction;
import org.csat.stage.StageContext;
import org.csat.tables.Table;
import org.csat.tables.WarehouseLock;

/**
 * Keeps every table of the warehouse small to read and its storage bounded: OPTIMIZE compacts
 * the small files that nightly merges leave into larger ones (the rows do not change; a commit
 * marked as no data change, so change feeds and time travel see the same rows), then VACUUM
 * deletes the files that no version of the last {@code maintain.vacuum_retention_hours} reads.
 * Delta 4 takes VACUUM's retention from the table ({@code delta.deletedFileRetentionDuration}),
 * so the setting is written there first where it differs, and any later VACUUM of the table,
 * by whoever runs it, keeps the same history. A retention below Delta's safe default is refused
 * when the configuration is loaded unless {@code maintain.allow_short_retention} is set. Holds
 * the warehouse's run lock, so it never runs alongside a nightly run on a local disk.
 */
public final class MaintainTables extends StageAction<MaintainTables.Result> {
    private static final String RETENTION = "delta.deletedFileRetentionDuration";
    private static final String VACUUM_LOGGING = "spark.databricks.delta.vacuum.logging.enabled";
    private static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";

    /** What maintenance did to one table. */
    public record TableMaintenance(
            Table table,
            long filesCompacted,
            long filesWritten,
            long bytesBefore,
            long bytesAfter,
            long filesDeleted) {}

    /** Per table, in {@link Table} order, and the retention VACUUM used. */
    public record Result(List<TableMaintenance> tables, int retentionHours) {}

    public MaintainTables(StageContext context) {
        super(context);
    }

    @Override
    protected String jobGroup() {
        return "MAINTAIN";
    }

    @Override
    protected String jobDescription() {
        return "OPTIMIZE and VACUUM every table";
    }

    @Override
    protected Result doExecute() {
        int retentionHours = config().maintenance().vacuumRetentionHours();
        List<TableMaintenance> done = new ArrayList<>();
        RuntimeConfig conf = spark().conf();
        String logging = conf.get(VACUUM_LOGGING, "false");
        String listing = conf.get(LISTING_PARALLELISM, "10000");
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse(), run().id())) {
            // VACUUM records what it deleted in a commit of its own only with logging on
            conf.set(VACUUM_LOGGING, "true");
            // VACUUM lists and diffs a table's files in this many tasks (Spark's default 10,000),
            // whatever the table's size: tens of thousands of near-empty tasks per maintain on a
            // small cluster (a test's maintain took half an hour on 2 cores). Four per core
            // is plenty for our tables' file counts; a larger setting of the session is lowered,
            // never raised.
            int perCluster = 4 * spark().sparkContext().defaultParallelism();
            conf.set(LISTING_PARALLELISM, Integer.toString(Math.min(Integer.parseInt(listing), perCluster)));
            for (Table table : Table.values()) {
                if (warehouse().exists(table)) {
                    done.add(maintain(table, retentionHours));
                }
            }
        } finally {
            conf.set(VACUUM_LOGGING, logging);
            conf.set(LISTING_PARALLELISM, listing);
        }
        return new Result(List.copyOf(done), retentionHours);
    }

    private TableMaintenance maintain(Table table, int retentionHours) {
        String path = warehouse().path(table);
        DeltaTable delta = DeltaTable.forPath(spark(), path);
        String retention = "interval " + retentionHours + " hours";
        Map<String, String> properties =
                delta.detail().select("properties").first().getJavaMap(0);
        if (!retention.equals(properties.get(RETENTION))) {
            spark().sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('" + RETENTION + "' = '" + retention
                    + "')");
        }
        Row metrics = delta.optimize().executeCompaction().select("metrics.*").first();
        long compacted = metrics.getAs("numFilesRemoved");
        long written = metrics.getAs("numFilesAdded");
        long bytesRemoved = metrics.<Row>getAs("filesRemoved").getAs("totalSize");
        long bytesAdded = metrics.<Row>getAs("filesAdded").getAs("totalSize");
        long sizeAfter = delta.detail().select("sizeInBytes").first().getLong(0);
        long versionBeforeVacuum = warehouse().version(table);
        delta.vacuum();
        return new TableMaintenance(
                table,
                compacted,
                written,
                sizeAfter - bytesAdded + bytesRemoved,
                sizeAfter,
                filesDeletedSince(delta, versionBeforeVacuum));
    }

    /** Files VACUUM deleted, from the metrics of its {@code VACUUM END} commit. */
    private static long filesDeletedSince(DeltaTable delta, long version) {
        long deleted = 0;
        for (Row commit : delta.history()
                .where(functions
                        .col("version")
                        .gt(version)
                        .and(functions.col("operation").equalTo("VACUUM END")))
                .select("operationMetrics")
                .collectAsList()) {
            Map<String, String> metrics = commit.isNullAt(0) ? Map.of() : commit.getJavaMap(0);
            deleted += Long.parseLong(metrics.getOrDefault("numDeletedFiles", "0"));
        }
        return deleted;
    }
}
