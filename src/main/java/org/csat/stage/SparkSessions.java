package org.csat.stage;

import java.net.URI;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;

/**
 * Builds the SparkSession with Delta Lake's extension and catalog, UTC session time (dates
 * are UTC days) and quiet console progress. The master comes from spark-submit when it
 * supplies one; otherwise, for bin/csat's embedded runs, from {@code spark.master} in config.
 * The catalog that names the tables is the cluster's under spark-submit; an embedded run on a
 * warehouse on the local disk keeps its own in the warehouse ({@link EmbeddedMetastore}).
 */
public final class SparkSessions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkSessions.class);

    private SparkSessions() {}

    /**
     * A session for one command. Closing it stops the session only when this call created it,
     * so a command run inside a test or a notebook leaves the caller's session running.
     */
    public record Handle(SparkSession spark, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                spark.stop();
            }
        }
    }

    /** A session for a command that needs no names in a lasting catalog. */
    public static Handle open(String appName, PipelineConfig config) {
        return open(appName, config, null);
    }

    /**
     * A session for a command on the warehouse at {@code warehouseRoot}. When this call creates
     * the session outside spark-submit and the warehouse is on the local file system, the
     * catalog is the warehouse's embedded metastore ({@code <warehouse>/_metastore}); if
     * another process has that open, the session's own catalog is used, and the names this
     * command registers last as long as the session (said in a warning).
     */
    public static Handle open(String appName, PipelineConfig config, String warehouseRoot) {
        var active = SparkSession.getActiveSession();
        if (active.isEmpty()) {
            active = SparkSession.getDefaultSession();
        }
        if (active.isDefined()) {
            return new Handle(active.get(), false);
        }
        EmbeddedMetastore metastore = null;
        Path local =
                warehouseRoot == null || new SparkConf().contains("spark.master") ? null : localPath(warehouseRoot);
        if (local != null) {
            metastore = new EmbeddedMetastore(local.resolve(EmbeddedMetastore.DIRECTORY));
            if (metastore.isOpenElsewhere()) {
                LOG.warn(
                        "Another process (a nightly run or a query) has the warehouse's metastore {} open: the"
                                + " tables are named for this command only; the next command that finds the"
                                + " metastore free names them there",
                        metastore.dir());
                metastore = null;
            }
        }
        return new Handle(create(appName, config, metastore), true);
    }

    /** A session with Spark's own catalog, or the cluster's under spark-submit. */
    public static SparkSession create(String appName, PipelineConfig config) {
        return create(appName, config, (EmbeddedMetastore) null);
    }

    /**
     * A session whose catalog is an embedded metastore in {@code metastoreDir} (as for the
     * tests' shared session); under spark-submit the cluster's catalog instead.
     */
    public static SparkSession create(String appName, PipelineConfig config, Path metastoreDir) {
        return create(appName, config, new EmbeddedMetastore(metastoreDir));
    }

    /** The directory of a warehouse on the local file system (no scheme, or {@code file:}), else null. */
    private static Path localPath(String root) {
        URI uri = new org.apache.hadoop.fs.Path(root).toUri();
        if (uri.getScheme() == null) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        return "file".equals(uri.getScheme()) ? Path.of(uri.getPath()) : null;
    }

    private static SparkSession create(String appName, PipelineConfig config, EmbeddedMetastore metastore) {
        SparkConf given = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.databricks.delta.snapshotPartitions", "2");
        if (!given.contains("spark.sql.shuffle.partitions")) {
            builder.config(
                    "spark.sql.shuffle.partitions",
                    Integer.toString(config.spark().shufflePartitions()));
        }
        if (!given.contains("spark.master")) {
            builder.master(config.spark().master())
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
            if (metastore != null) {
                builder = metastore.configure(builder);
            }
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
