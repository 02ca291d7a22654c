package org.csat.cohort;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/**
 * Rebuilds {@code gold_cohort_comparison}, {@code gold_quality_drop} and
 * {@code gold_topic_quality} from all of silver_conversations with {@link CompareCohorts},
 * overwriting each table (the results are deterministic, so a re-run writes the same rows;
 * the tables are derived whole, so a newer version's schema simply replaces the old one).
 * Settings: the {@code cohort.*} keys. Returns the rows written per table.
 */
public final class RebuildCohortComparison {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private PipelineConfig config = PipelineConfig.defaults();

    public RebuildCohortComparison(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    public RebuildCohortComparison config(PipelineConfig value) {
        if (value == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = value;
        return this;
    }

    public Map<String, Long> execute() {
        spark.sparkContext().setJobGroup("COHORT-COMPARISON", "bot vs human comparison and quality drop", false);
        CompareCohorts.Result result = new CompareCohorts(spark)
                .settings(ComparisonSettings.from(config))
                .apply(warehouse.read(Table.SILVER_CONVERSATIONS));
        Map<String, Long> written = new LinkedHashMap<>();
        write(Table.GOLD_COHORT_COMPARISON, result.comparison(), written);
        write(Table.GOLD_QUALITY_DROP, result.qualityDrop(), written);
        write(Table.GOLD_TOPIC_QUALITY, result.topicQuality(), written);
        return written;
    }

    private void write(Table table, Dataset<Row> rows, Map<String, Long> written) {
        long before = warehouse.version(table);
        warehouse.open(table);
        rows.coalesce(1)
                .write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .save(warehouse.path(table));
        written.put(table.tableName(), warehouse.rowsWrittenSince(table, before));
    }
}
