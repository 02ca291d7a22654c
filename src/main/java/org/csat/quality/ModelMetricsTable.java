package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.csat.tables.Table;
import org.csat.tables.TableSchemas;
import org.csat.tables.Warehouse;

/**
 * The {@code model_metrics} rows of one evaluation (of the CSAT model, the resolution model or
 * their rules), inserted once: the key is version, predictor, metric and cohort, so
 * re-evaluating a version that is already there writes nothing and re-runs leave the table
 * unchanged.
 */
final class ModelMetricsTable {
    private final Warehouse warehouse;
    private final String runId;

    /** What the figures describe: the evaluated version, its source value, its training rows and time span. */
    record Evaluated(
            String version,
            String source,
            long trainRows,
            Timestamp trainUntil,
            Timestamp testFrom,
            String path,
            String note) {}

    ModelMetricsTable(Warehouse warehouse, String runId) {
        this.warehouse = warehouse;
        this.runId = runId;
    }

    boolean evaluated(String version) {
        return !warehouse
                .read(Table.MODEL_METRICS)
                .where(col("model_version").equalTo(version))
                .isEmpty();
    }

    /** The {@code all} cohort's value of one predictor and metric among metric rows, or null. */
    static Double overall(Dataset<Row> metrics, String predictor, String metric) {
        java.util.List<Row> rows = metrics.where(col("predictor")
                        .equalTo(predictor)
                        .and(col("metric").equalTo(metric))
                        .and(col("cohort").equalTo("all")))
                .select("value")
                .collectAsList();
        return rows.isEmpty() || rows.get(0).isNullAt(0) ? null : rows.get(0).getDouble(0);
    }

    /** A stored figure of an evaluated version, or null (undefined, or not there). */
    Double value(String version, String predictor, String metric, String cohort) {
        return overall(
                warehouse
                        .read(Table.MODEL_METRICS)
                        .where(col("model_version")
                                .equalTo(version)
                                .and(col("cohort").equalTo(cohort)))
                        .withColumn("cohort", lit("all")),
                predictor,
                metric);
    }

    /**
     * Whether {@code model} beat {@code rules} on {@code metric} (larger is better) over all
     * held-out rows of {@code version}, as stored: the same answer on every re-run.
     */
    boolean modelBeatsRules(String version, String model, String rules, String metric) {
        Double modelValue = value(version, model, metric, "all");
        Double rulesValue = value(version, rules, metric, "all");
        return modelValue != null && (rulesValue == null || modelValue > rulesValue);
    }

    /** The note's sentence saying which of the two scores the column, with both figures. */
    static String verdict(String metric, Double model, Double rules, String column) {
        boolean modelWins = model != null && (rules == null || model > rules);
        return String.format(
                java.util.Locale.ROOT,
                "held-out %s: model %s, rules %s: the %s",
                metric,
                model == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", model),
                rules == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", rules),
                modelWins
                        ? "model agrees better and decides " + column
                        : "model does not agree better, so the rules decide " + column);
    }

    /** @param metrics {@code predictor, metric, cohort, value, n} */
    long insert(Dataset<Row> metrics, Evaluated evaluated) {
        Dataset<Row> rows = metrics.withColumn("run_id", lit(runId))
                .withColumn("model_version", lit(evaluated.version()))
                .withColumn("source", lit(evaluated.source()))
                .withColumn("train_rows", lit(evaluated.trainRows()))
                .withColumn("test_rows", col("n"))
                .withColumn("train_until", lit(evaluated.trainUntil()).cast(DataTypes.TimestampType))
                .withColumn("test_from", lit(evaluated.testFrom()).cast(DataTypes.TimestampType))
                .withColumn("model_path", lit(evaluated.path()).cast(DataTypes.StringType))
                .withColumn("note", lit(evaluated.note()))
                .selectExpr(TableSchemas.columns(TableSchemas.MODEL_METRICS));
        long before = warehouse.version(Table.MODEL_METRICS);
        warehouse
                .open(Table.MODEL_METRICS)
                .as("t")
                .merge(
                        rows.as("s"),
                        "t.model_version = s.model_version AND t.predictor = s.predictor"
                                + " AND t.metric = s.metric AND t.cohort = s.cohort")
                .whenNotMatched()
                .insertAll()
                .execute();
        return warehouse.rowsWrittenSince(Table.MODEL_METRICS, before);
    }
}
