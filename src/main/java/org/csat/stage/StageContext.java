package org.csat.stage;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.tables.Warehouse;

/**
 * What every stage is given and needs: the Spark session, the warehouse it reads and writes,
 * the run's validated settings and the run itself. Required, all four: a stage never falls
 * back to default settings of its own.
 */
public record StageContext(SparkSession spark, Warehouse warehouse, PipelineConfig config, Run run) {
    public StageContext {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(run, "run");
    }
}
