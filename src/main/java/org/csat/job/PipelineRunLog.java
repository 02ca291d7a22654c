package org.csat.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.csat.ingest.IngestTranscripts;
import org.csat.nlp.LanguageCheck;
import org.csat.stage.Run;
import org.csat.tables.RowValues;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/** Appends one row per run to {@code pipeline_runs}, successful or not; the job's own table. */
final class PipelineRunLog {
    private final SparkSession spark;
    private final Warehouse warehouse;

    /** One run as logged; {@code ingest}, {@code languageCheck} and {@code rowsWritten} are null when the run failed. */
    record Entry(
            Run run,
            String command,
            String arguments,
            Timestamp endedAt,
            String status,
            String error,
            IngestTranscripts.Result ingest,
            LanguageCheck languageCheck,
            Map<Table, Long> rowsWritten) {

        /**
         * A nightly run that did not fail ({@code status} says how it ended), with ingest's counts,
         * the check of the sources' languages (null when nothing was scored) and rows written.
         */
        static Entry ended(
                Run run,
                String arguments,
                String status,
                IngestTranscripts.Result ingest,
                LanguageCheck languageCheck,
                Map<Table, Long> written) {
            return new Entry(
                    run,
                    "nightly",
                    arguments,
                    Timestamp.from(Instant.now()),
                    status,
                    null,
                    ingest,
                    languageCheck,
                    written);
        }

        /** A nightly run that failed: its one-line reason, and no counts. */
        static Entry failed(Run run, String arguments, Exception cause) {
            return new Entry(
                    run,
                    "nightly",
                    arguments,
                    Timestamp.from(Instant.now()),
                    "failed",
                    FailureReason.oneLine(cause),
                    null,
                    null,
                    null);
        }
    }

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
        IngestTranscripts.Result ingest = e.ingest();
        boolean counted = ingest != null;
        Row row = RowFactory.create(
                e.run().id(),
                e.command(),
                e.arguments(),
                e.run().startedAt(),
                e.endedAt(),
                e.status(),
                e.error(),
                counted ? ingest.inputFiles() : null,
                counted ? ingest.recordsRead() : null,
                counted ? ingest.recordsAccepted() : null,
                counted ? ingest.recordsQuarantined() : null,
                counted ? ingest.conversationsAccepted() : null,
                e.languageCheck() == null ? null : e.languageCheck().checked(),
                e.languageCheck() == null ? null : e.languageCheck().mismatched(),
                RowValues.map(byName));
        warehouse.append(Table.PIPELINE_RUNS, spark.createDataFrame(List.of(row), Table.PIPELINE_RUNS.schema()));
    }
}
