package org.csat.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        ConcurrentRunException e = assertThrows(
                ConcurrentRunException.class,
                () -> ConcurrentWrites.retrying(Table.PIPELINE_RUNS, 2, 10, () -> {
                    attempts.incrementAndGet();
                    loseToAConcurrentCommit(warehouse);
                    return null;
                }));
        assertEquals(2, attempts.get());
        assertEquals(
                "another run is writing to pipeline_runs at the same time (Delta refused 2 commits: "
                        + "ConcurrentTransactionException); re-run later",
                e.getMessage());
        assertNull(e.getCause(), "no cause chain: Main prints exactly this line");
        assertTrue(
                ConcurrentWrites.isConflict(e.getSuppressed()[0]), "Delta's own exception is kept for the stack trace");
        assertEquals(
                2,
                warehouse.version(Table.PIPELINE_RUNS),
                "after the first append (version 0) only the other side's commits landed");
    }

    /**
     * A run stopped between creating a table's log directory and writing its first commit
     * leaves the directory empty; Delta alone refuses to create the table over it, night
     * after night. The next run creates it, with its declared schema.
     */
    @Test
    void aLogDirectoryLeftWithoutACommitDoesNotBlockTheTable(@TempDir Path dir) throws Exception {
        Warehouse warehouse = new Warehouse(spark, dir.resolve("stopped").toString());
        Files.createDirectories(
                Path.of(URI.create(warehouse.path(Table.QUARANTINE))).resolve("_delta_log"));
        warehouse.open(Table.QUARANTINE);
        assertEquals(0, warehouse.version(Table.QUARANTINE));
        Warehouse fresh = new Warehouse(spark, dir.resolve("fresh").toString());
        fresh.open(Table.QUARANTINE);
        assertEquals(
                fresh.read(Table.QUARANTINE).schema(),
                warehouse.read(Table.QUARANTINE).schema(),
                "the same table as one created on a clean directory, NOT NULL columns included");
    }

    /**
     * What another run creating the same table looks like from here, for a moment: its log
     * directory is there, its first commit not yet. This run waits for that commit and uses
     * the other run's table rather than removing it.
     */
    @Test
    void aTableWhoseFirstCommitIsBeingWrittenIsUsedNotReplaced(@TempDir Path dir) throws Exception {
        Warehouse other = new Warehouse(spark, dir.resolve("other").toString());
        other.open(Table.QUARANTINE);
        Path firstCommit = Path.of(URI.create(other.path(Table.QUARANTINE)))
                .resolve("_delta_log")
                .resolve(TableContents.commitFile(0));
        Warehouse warehouse = new Warehouse(spark, dir.resolve("shared").toString());
        Path log = Files.createDirectories(
                Path.of(URI.create(warehouse.path(Table.QUARANTINE))).resolve("_delta_log"));
        ExecutorService otherRun = Executors.newSingleThreadExecutor();
        try {
            Future<?> committed = otherRun.submit(() -> {
                Thread.sleep(200);
                Path written = Files.copy(firstCommit, log.resolve(".first-commit.tmp"));
                return Files.move(written, log.resolve(TableContents.commitFile(0)), StandardCopyOption.ATOMIC_MOVE);
            });
            warehouse.open(Table.QUARANTINE);
            committed.get(60, TimeUnit.SECONDS);
        } finally {
            otherRun.shutdownNow();
        }
        assertEquals(0, warehouse.version(Table.QUARANTINE));
        assertEquals(tableId(other), tableId(warehouse), "the other run's table, not one created over it");
    }

    private String tableId(Warehouse warehouse) {
        return DeltaLog.forTable(spark, warehouse.path(Table.QUARANTINE))
                .update(false, Option.empty(), Option.empty())
                .metadata()
                .id();
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(
                IllegalStateException.class,
                () -> ConcurrentWrites.retrying(Table.PIPELINE_RUNS, 3, 10, () -> {
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
        theirs.commit(
                actions(new SetTransaction("csat-test", version + 1, Option.empty())),
                DeltaOperations.ManualUpdate$.MODULE$);
        ours.commit(
                actions(new SetTransaction("csat-test", version + 1, Option.empty())),
                DeltaOperations.ManualUpdate$.MODULE$);
    }

    private static scala.collection.immutable.Seq<Action> actions(Action action) {
        return CollectionConverters.asScala(List.of(action)).toList();
    }

    private void appendRun(Warehouse warehouse, String runId) {
        Timestamp now = Timestamp.from(Instant.parse("2024-06-03T02:00:00Z"));
        Object[] values = new Object[Table.PIPELINE_RUNS.schema().size()];
        Object[] known = {runId, "nightly", null, now, now, "succeeded"};
        System.arraycopy(known, 0, values, 0, known.length);
        Row row = RowFactory.create(values);
        spark.createDataFrame(List.of(row), Table.PIPELINE_RUNS.schema())
                .write()
                .format("delta")
                .mode("append")
                .save(warehouse.path(Table.PIPELINE_RUNS));
    }
}
