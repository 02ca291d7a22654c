package org.csat.job;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.csat.tables.RowValues;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/** Appends one row per run to {@code pipeline_runs}, successful or not; the job's own table. */
final class PipelineRunLog {
    private final SparkSession spark;
    private final Warehouse warehouse;

    /** One run as logged; counts are null when the run failed before it knew them. */
    record Entry(
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
            Map<Table, Long> rowsWritten) {}

    PipelineRunLog(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    void append(Entry e) {
        Map<String, Long> byName = null;
        if (e.rowsWritten() != null) {
            byName = new TreeMap<>();
            for (Map.Entry<Table, Long> written : e.rowsWritten().entrySet()) {
                byName.put(written.getKey().tableName(), written.getValue());
            }
        }
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
                RowValues.map(byName));
        warehouse.append(Table.PIPELINE_RUNS, spark.createDataFrame(List.of(row), Table.PIPELINE_RUNS.schema()));
    }
}
