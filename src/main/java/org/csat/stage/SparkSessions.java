package org.csat.stage;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;

/**
 * Builds the SparkSession with Delta Lake's extension and catalog, UTC session time (dates
 * are UTC days) and quiet console progress. The master comes from spark-submit when it
 * supplies one; otherwise, for bin/csat's embedded runs, from {@code spark.master} in config.
 */
public final class SparkSessions {
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

    public static Handle open(String appName, PipelineConfig config) {
        var active = SparkSession.getActiveSession();
        if (active.isEmpty()) {
            active = SparkSession.getDefaultSession();
        }
        if (active.isDefined()) {
            return new Handle(active.get(), false);
        }
        return new Handle(create(appName, config), true);
    }

    public static SparkSession create(String appName, PipelineConfig config) {
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
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
