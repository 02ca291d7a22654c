package org.csat.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.SetTransaction;
import org.csat.tables.ConcurrentRunException;
import org.csat.tables.ConcurrentWrites;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@link ConcurrentWrites} against real Delta conflicts, made deterministic: a transaction
 * starts, another commit lands that touches what the first read, then the first commits and
 * Delta refuses it, as it refuses a second run's MERGE.
 */
class ConcurrentWritesTest {
    private final SparkSession spark = TestSpark.session();

    @Test
    void aWriteThatLostToAnotherCommitIsDoneAgainOnTheNewVersion(@TempDir Path dir) {
        Warehouse warehouse = new Warehouse(spark, dir.toString());
        appendRun(warehouse, "first");
        AtomicInteger attempts = new AtomicInteger();
        String result = ConcurrentWrites.retrying(Table.PIPELINE_RUNS, ConcurrentWrites.ATTEMPTS, 10, () -> {
            if (attempts.incrementAndGet() == 1) {
                loseToAConcurrentCommit(warehouse);
            }
            return "written";
        });
        assertEquals("written", result);
        assertEquals(2, attempts.get());
    }

    @Test
    void aRunThatKeepsLosingGivesWayWithOneLineForTheOperator(@TempDir Path dir) {
        Warehouse warehouse = new Warehouse(spark, dir.toString());
        appendRun(warehouse, "first");
        AtomicInteger attempts = new AtomicInteger();
        ConcurrentRunException e = assertThrows(ConcurrentRunException.class,
                () -> ConcurrentWrites.retrying(Table.PIPELINE_RUNS, 2, 10, () -> {
                    attempts.incrementAndGet();
                    loseToAConcurrentCommit(warehouse);
                    return null;
                }));
        assertEquals(2, attempts.get());
        assertEquals("another run is writing to pipeline_runs at the same time (Delta refused 2 commits: "
                + "ConcurrentTransactionException); re-run later", e.getMessage());
        assertNull(e.getCause(), "no cause chain: Main prints exactly this line");
        assertTrue(ConcurrentWrites.isConflict(e.getSuppressed()[0]), "Delta's own exception is kept for the stack trace");
        assertEquals(2, warehouse.version(Table.PIPELINE_RUNS),
                "after the first append (version 0) only the other side's commits landed");
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> ConcurrentWrites.retrying(Table.PIPELINE_RUNS, 3, 10, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        }));
        assertEquals(1, attempts.get());
    }

    /**
     * Two transactions claim the same application transaction id (Delta's idempotent-write
     * marker): the second to commit is refused with {@code ConcurrentTransactionException}.
     * Log-only commits, so the conflict costs no Spark job.
     */
    private void loseToAConcurrentCommit(Warehouse warehouse) {
        DeltaLog log = DeltaLog.forTable(spark, warehouse.path(Table.PIPELINE_RUNS));
        OptimisticTransaction ours = log.startTransaction();
        long version = ours.txnVersion("csat-test");
        OptimisticTransaction theirs = log.startTransaction();
        theirs.commit(actions(new SetTransaction("csat-test", version + 1, Option.empty())), DeltaOperations.ManualUpdate$.MODULE$);
        ours.commit(actions(new SetTransaction("csat-test", version + 1, Option.empty())), DeltaOperations.ManualUpdate$.MODULE$);
    }

    private static scala.collection.immutable.Seq<Action> actions(Action action) {
        return CollectionConverters.asScala(List.of(action)).toList();
    }

    private void appendRun(Warehouse warehouse, String runId) {
        Timestamp now = Timestamp.from(Instant.parse("2024-06-03T02:00:00Z"));
        Row row = RowFactory.create(runId, "nightly", null, now, now, "succeeded", null, null, null, null, null, null, null);
        spark.createDataFrame(List.of(row), Table.PIPELINE_RUNS.schema())
                .write().format("delta").mode("append").save(warehouse.path(Table.PIPELINE_RUNS));
    }
}
