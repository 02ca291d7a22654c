package org.csat.tables;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends one row per run to {@code pipeline_runs}, successful or not. */
public final class PipelineRunLog {
    private final SparkSession spark;
    private final Warehouse warehouse;

    /** One run as logged; counts are null when the run failed before it knew them. */
    public record Entry(
            String runId,
            String command,
            String arguments,
            Timestamp startedAt,
            Timestamp endedAt,
            String status,
            String error,
            Long inputFiles,
            Long recordsRead,
            Long recordsAccepted,
            Long recordsQuarantined,
            Long conversationsAccepted,
            Map<String, Long> rowsWritten) {}

    public PipelineRunLog(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    public void append(Entry e) {
        warehouse.open(Table.PIPELINE_RUNS);
        Row row = RowFactory.create(
                e.runId(),
                e.command(),
                e.arguments(),
                e.startedAt(),
                e.endedAt(),
                e.status(),
                e.error(),
                e.inputFiles(),
                e.recordsRead(),
                e.recordsAccepted(),
                e.recordsQuarantined(),
                e.conversationsAccepted(),
                RowValues.map(e.rowsWritten()));
        spark.createDataFrame(List.of(row), Table.PIPELINE_RUNS.schema())
                .write()
                .format("delta")
                .mode("append")
                .save(warehouse.path(Table.PIPELINE_RUNS));
    }
}
