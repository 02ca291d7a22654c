package org.csat.tables;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.functions;
import scala.Option;

/**
 * The warehouse directory and its Delta tables: where each {@link Table} lives, creating it
 * with its declared schema and properties on first use, reading it, naming every table in a
 * database of the session's catalog ({@link #registerTables}) or as a temporary view, and the
 * row counts of a table's latest commit (from the Delta log, so counting costs no Spark job).
 * The tables are reached by path; the names point at those paths.
 */
public final class Warehouse {
    /** Attempts at creating a table over a log directory without a commit; the last comes after removing it. */
    private static final int CREATE_ATTEMPTS = 3;

    private static final long FIRST_COMMIT_WAIT_MILLIS = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Warehouse.class);

    private final SparkSession spark;
    private final String root;
    private final String database;

    /**
     * A warehouse whose tables are reached by path only (tests, benchmarks, scratch warehouses).
     *
     * @param root a directory on any Hadoop file system; a relative path is taken from the working directory
     */
    public Warehouse(SparkSession spark, String root) {
        this(spark, root, null);
    }

    /**
     * A warehouse whose tables {@link #registerTables} names in {@code database} of the session's
     * catalog ({@code catalog.database}).
     */
    public Warehouse(SparkSession spark, String root, String database) {
        this.spark = spark;
        this.database = database;
        try {
            Path path = new Path(root);
            this.root = path.getFileSystem(spark.sparkContext().hadoopConfiguration())
                    .makeQualified(path)
                    .toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot resolve warehouse " + root, e);
        }
    }

    public String root() {
        return root;
    }

    public String path(Table table) {
        return root + "/" + table.tableName();
    }

    /** The database that names the tables, if this warehouse has one. */
    public java.util.Optional<String> database() {
        return java.util.Optional.ofNullable(database);
    }

    /**
     * Creates every table not there yet, gives the existing ones their declared properties, and
     * registers each under its name in this warehouse's database, creating the database when
     * missing; see {@link TableNames}. Returns the qualified names.
     *
     * @throws IllegalStateException when a name already belongs to another warehouse's live table
     */
    public List<String> registerTables() {
        if (database == null) {
            throw new IllegalStateException("the warehouse " + root + " has no catalog database to name its tables in");
        }
        return new TableNames(spark, this, database).registerAll();
    }

    public boolean exists(Table table) {
        return DeltaTable.isDeltaTable(spark, path(table));
    }

    /**
     * The table, created empty with its schema if it is not there yet (when two runs race to
     * create it, the loser uses the winner's), and given any nullable column the declared
     * schema gained since it was created.
     */
    public DeltaTable open(Table table) {
        if (!exists(table)) {
            create(table);
        }
        DeltaTable delta = DeltaTable.forPath(spark, path(table));
        addMissingColumns(table, delta);
        return delta;
    }

    /**
     * Creates the table empty with its declared schema. Delta refuses to create a table over a
     * log directory that holds no commit yet, which is what another run committing the table's
     * first version looks like for a few milliseconds, and what a run stopped at that moment
     * leaves for good. So: wait for the other run's commit and use its table; if no commit
     * ever lands, remove the log directory while it is still empty (the file system refuses
     * to remove one that is not, so no commit can be lost) and create the table.
     */
    private void create(Table table) {
        for (int attempt = 1; ; attempt++) {
            try {
                var builder = DeltaTable.createIfNotExists(spark)
                        .location(path(table))
                        .addColumns(table.schema());
                table.properties().forEach(builder::property);
                builder.execute();
                return;
            } catch (Exception e) { // Delta's AnalysisException is a checked exception that Scala throws undeclared
                if (hasCommit(table)) {
                    return;
                }
                if (!isLogWithoutCommit(e) || attempt >= CREATE_ATTEMPTS) {
                    throw e;
                }
                ConcurrentWrites.sleep(FIRST_COMMIT_WAIT_MILLIS * attempt, "for another run to create a table");
                if (attempt == CREATE_ATTEMPTS - 1 && !hasCommit(table) && removeEmptyLog(table)) {
                    LOG.warn(
                            "{}: removed a log directory without any commit, left by a run stopped while creating the table",
                            table.tableName());
                }
            }
        }
    }

    /** Whether the table's log holds a commit, read from storage now rather than from Delta's cached snapshot. */
    private boolean hasCommit(Table table) {
        return DeltaLog.forTable(spark, path(table))
                        .update(false, Option.empty(), Option.empty())
                        .version()
                >= 0;
    }

    private static boolean isLogWithoutCommit(Throwable e) {
        return ConcurrentWrites.hasCause(
                e, t -> t instanceof SparkThrowable error && "DELTA_TABLE_NOT_FOUND".equals(error.getCondition()));
    }

    private boolean removeEmptyLog(Table table) {
        Path log = new Path(path(table), "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.listStatus(log).length == 0 && fs.delete(log, false);
        } catch (IOException e) {
            // not empty after all (a commit is being written) or already gone: the next attempt sees which
            return false;
        }
    }

    private void addMissingColumns(Table table, DeltaTable delta) {
        java.util.Set<String> present = java.util.Set.of(delta.toDF().schema().fieldNames());
        List<String> added = new ArrayList<>();
        for (var field : table.schema().fields()) {
            if (!present.contains(field.name()) && field.nullable()) {
                added.add("`" + field.name() + "` " + field.dataType().sql());
            }
        }
        if (!added.isEmpty()) {
            spark.sql("ALTER TABLE delta.`" + path(table) + "` ADD COLUMNS (" + String.join(", ", added) + ")");
        }
    }

    public Dataset<Row> read(Table table) {
        open(table);
        return spark.read().format("delta").load(path(table));
    }

    /**
     * Replaces the table's rows with {@code rows} in one Delta commit (the schema too, since
     * every table written this way is derived whole from others); returns the rows written.
     */
    public long overwrite(Table table, Dataset<Row> rows) {
        long before = version(table);
        open(table);
        rows.write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .save(path(table));
        return rowsWrittenSince(table, before);
    }

    /** Appends {@code rows} to the table in one Delta commit; returns the rows written. */
    public long append(Table table, Dataset<Row> rows) {
        long before = version(table);
        open(table);
        rows.write().format("delta").mode("append").save(path(table));
        return rowsWrittenSince(table, before);
    }

    /** The table as of one version: a read that stays the same however often it is computed. */
    public Dataset<Row> readVersion(Table table, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(path(table));
    }

    /**
     * Registers every table as a temporary view under its name; a table not written yet is an
     * empty view with its schema, so queries never fail on a fresh warehouse. Returns the names
     * of the tables that exist.
     */
    public List<String> registerViews() {
        List<String> names = new ArrayList<>();
        for (Table table : Table.values()) {
            if (exists(table)) {
                spark.read().format("delta").load(path(table)).createOrReplaceTempView(table.tableName());
                names.add(table.tableName());
            } else {
                spark.createDataFrame(List.of(), table.schema()).createOrReplaceTempView(table.tableName());
            }
        }
        return names;
    }

    /** The table's current Delta version, -1 when it does not exist yet. */
    public long version(Table table) {
        if (!exists(table)) {
            return -1;
        }
        return DeltaTable.forPath(spark, path(table))
                .history(1)
                .select("version")
                .first()
                .getLong(0);
    }

    /**
     * Rows written by the commits after {@code versionBefore}: inserted + updated + deleted for
     * merges, output rows for plain writes. Read from the commits' operation metrics in the
     * Delta log, so it costs no scan of the data.
     */
    public long rowsWrittenSince(Table table, long versionBefore) {
        long written = 0;
        List<Row> commits = DeltaTable.forPath(spark, path(table))
                .history()
                .where(functions.col("version").gt(versionBefore))
                .select(functions.col("operationMetrics"))
                .collectAsList();
        for (Row commit : commits) {
            Map<String, String> metrics = commit.isNullAt(0) ? Map.of() : commit.getJavaMap(0);
            if (metrics.containsKey("numTargetRowsInserted")) {
                for (String key : List.of("numTargetRowsInserted", "numTargetRowsUpdated", "numTargetRowsDeleted")) {
                    written += Long.parseLong(metrics.getOrDefault(key, "0"));
                }
            } else {
                written += Long.parseLong(metrics.getOrDefault("numOutputRows", "0"));
            }
        }
        return written;
    }

    /** Whether the warehouse directory exists at all (for the query command's message). */
    public boolean isPresent() throws IOException {
        Path path = new Path(root);
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    }
}
