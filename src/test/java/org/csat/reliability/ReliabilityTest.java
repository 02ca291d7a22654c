package org.csat.reliability;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.csat.ingest.IngestTranscripts;
import org.csat.job.NightlyJob;
import org.csat.stage.Run;
import org.csat.stage.StageContext;
import org.csat.tables.ConcurrentRunException;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.tables.WarehouseLock;
import org.csat.testing.ChildRun;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs, backfills, crashes and concurrent runs on the two-night fixture in
 * src/test/resources/fixtures/reliability (night 2 re-delivers one conversation changed and
 * one unchanged; both nights carry personal data and broken records). Warehouses:
 * <ul>
 *   <li>one-by-one: night 1, night 2, then night 2 twice more;</li>
 *   <li>backfill: both nights in one run, the reference for the others;</li>
 *   <li>killed: a child JVM's backfill, killed (SIGKILL) right after its bronze commit, then re-run;</li>
 *   <li>held: a child JVM's run meets the run lock another run holds;</li>
 *   <li>shared: two ingests write at once (Delta's optimistic concurrency, as on HDFS or S3).</li>
 * </ul>
 * The two child JVMs start first and work while this JVM runs the nights one by one and, in a
 * second thread, the backfill (different warehouses, so they do not meet). Tables
 * are compared whole: exactly within one warehouse, and without the columns naming the run
 * ({@link TableContents#RUN_IDENTITY}) across warehouses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilityTest {
    private static final LocalDate NIGHT_1 = LocalDate.parse("2024-06-01");
    private static final LocalDate NIGHT_2 = LocalDate.parse("2024-06-02");
    private static final String CHILD_SETTINGS = "spark.master=local[2];spark.sql.shuffle.partitions=2";
    private static final long CHILD_SECONDS = 900;

    private Path temp;
    private Path input;
    private Warehouse oneByOne;
    private Warehouse backfill;
    private NightlyJob.Result night1;
    private NightlyJob.Result night2;
    private NightlyJob.Result backfillRun;
    private Map<String, List<String>> afterNight2;
    private List<Map<String, List<String>>> afterReruns;
    private List<NightlyJob.Result> reruns;
    private Map<String, List<String>> backfillWithoutRunIds;

    private ChildRun killedChild;
    private Thread killer;
    private volatile String killedState = "not killed";
    private WarehouseLock heldLock;
    private ChildRun lockedOutChild;

    @BeforeAll
    void runNights(@TempDir Path temp) throws Exception {
        this.temp = temp;
        input = TestSpark.copyFixture("fixtures/reliability", temp.resolve("in"));
        startKilledChild();
        startLockedOutChild();

        backfill = new Warehouse(TestSpark.session(), temp.resolve("backfill").toString());
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<NightlyJob.Result> backfilling = background.submit(() -> run(backfill, NIGHT_1, NIGHT_2, "run-b"));
        background.shutdown();

        oneByOne = new Warehouse(TestSpark.session(), temp.resolve("one-by-one").toString());
        night1 = run(oneByOne, NIGHT_1, NIGHT_1, "run-1");
        night2 = run(oneByOne, NIGHT_2, NIGHT_2, "run-2");
        afterNight2 = TableContents.of(oneByOne, Set.of());
        NightlyJob.Result again = run(oneByOne, NIGHT_2, NIGHT_2, "run-3");
        Map<String, List<String>> afterAgain = TableContents.of(oneByOne, Set.of());
        NightlyJob.Result third = run(oneByOne, NIGHT_2, NIGHT_2, "run-4");
        afterReruns = List.of(afterAgain, TableContents.of(oneByOne, Set.of()));
        reruns = List.of(again, third);

        backfillRun = backfilling.get(CHILD_SECONDS, TimeUnit.SECONDS);
        backfillWithoutRunIds = TableContents.of(backfill, TableContents.RUN_IDENTITY);
    }

    /** A backfill in a child JVM, and a watcher that kills it the moment its bronze commit lands. */
    private void startKilledChild() throws Exception {
        Path bronzeLog = temp.resolve("killed/bronze_conversations/_delta_log");
        killedChild = ChildRun.start(
                temp.resolve("logs"),
                "killed",
                "nightly",
                "--input",
                input.toString(),
                "--warehouse",
                temp.resolve("killed").toString(),
                "--from",
                NIGHT_1.toString(),
                "--to",
                NIGHT_2.toString(),
                "--set",
                CHILD_SETTINGS);
        killer = new Thread(
                () -> {
                    long deadline = System.nanoTime() + CHILD_SECONDS * 1_000_000_000L;
                    try {
                        while (killedChild.isAlive() && System.nanoTime() < deadline) {
                            if (Files.exists(bronzeLog.resolve(TableContents.commitFile(1)))) {
                                killedChild.kill();
                                killedState = "killed after the bronze commit";
                                return;
                            }
                            Thread.sleep(10);
                        }
                        killedChild.kill();
                        killedState = "no bronze commit seen:\n" + killedChild.stderrTail();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "kill-after-bronze");
        killer.start();
    }

    /** The test holds the run lock of a warehouse; a child's run on it must give way. */
    private void startLockedOutChild() throws Exception {
        Warehouse held = new Warehouse(TestSpark.session(), temp.resolve("held").toString());
        heldLock = WarehouseLock.acquire(held, "run-holding");
        lockedOutChild = ChildRun.start(
                temp.resolve("logs"),
                "locked-out",
                "nightly",
                "--input",
                input.toString(),
                "--warehouse",
                held.root(),
                "--from",
                NIGHT_1.toString(),
                "--to",
                NIGHT_2.toString(),
                "--set",
                CHILD_SETTINGS);
    }

    @AfterAll
    void stopChildren() throws Exception {
        killer.interrupt();
        killedChild.close();
        lockedOutChild.close();
        heldLock.close();
    }

    private NightlyJob.Result run(Warehouse warehouse, LocalDate from, LocalDate to, String runId) throws Exception {
        return new NightlyJob(TestSpark.session(), warehouse, TestSpark.testConfig())
                .inputDir(input.toString())
                .nights(from, to)
                .run(new Run(runId, Timestamp.from(Instant.parse("2024-06-03T02:00:00Z"))))
                .execute();
    }

    @Test
    void rerunningTheSameNightThreeTimesLeavesEveryTableIdentical() {
        Set<String> written = new java.util.TreeSet<>();
        for (Table table : Table.values()) {
            written.add(table.tableName());
        }
        written.remove(Table.PIPELINE_RUNS.tableName());
        assertEquals(written, afterNight2.keySet(), "every table the job writes is compared");
        for (int i = 0; i < reruns.size(); i++) {
            assertEquals(
                    afterNight2, afterReruns.get(i), "every table, every column, after run " + (i + 2) + " of night 2");
            assertEquals(0L, reruns.get(i).rowsWritten().get(Table.BRONZE_CONVERSATIONS));
            assertEquals(0L, reruns.get(i).rowsWritten().get(Table.QUARANTINE));
            assertEquals(0L, reruns.get(i).conversationsScored());
            assertEquals(night2.ingest().recordsRead(), reruns.get(i).ingest().recordsRead());
        }
    }

    @Test
    void aBackfillEqualsTheNightsRunOneByOne() {
        Map<String, List<String>> expected = TableContents.of(oneByOne, TableContents.RUN_IDENTITY);
        assertEquals(expected.keySet(), backfillWithoutRunIds.keySet());
        String metrics = Table.MODEL_METRICS.tableName();
        expected.forEach((table, rows) -> {
            if (!table.equals(metrics)) {
                assertEquals(rows, backfillWithoutRunIds.get(table), table);
            }
        });
        // model_metrics keeps one evaluation per run: two runs one by one, one for the backfill.
        // The backfill's must equal the last of the one-by-one runs (model versions are per run).
        Set<String> perRun = new java.util.HashSet<>(TableContents.RUN_IDENTITY);
        perRun.add("model_version");
        List<String> lastEvaluation = TableContents.ofRun(oneByOne, Table.MODEL_METRICS, "run-2", perRun);
        assertFalse(lastEvaluation.isEmpty());
        assertEquals(lastEvaluation, TableContents.ofRun(backfill, Table.MODEL_METRICS, "run-b", perRun), metrics);
        assertEquals(
                2,
                backfillRun.ingest().conversationsSuperseded(),
                "night 1's r-human (changed) and night 2's r-bot (same)");
        Row bot = backfill.read(Table.BRONZE_CONVERSATIONS)
                .where(col("conversation_id").equalTo("r-bot"))
                .first();
        assertTrue(
                bot.<String>getAs("source_file").contains("/2024-06-01/"),
                "an unchanged re-delivery keeps the first copy");
    }

    @Test
    void countsReconcileInEveryRun() {
        for (NightlyJob.Result r : List.of(night1, night2, reruns.get(0), reruns.get(1), backfillRun)) {
            assertEquals(
                    r.ingest().recordsRead(),
                    r.ingest().recordsAccepted() + r.ingest().recordsQuarantined());
        }
        assertEquals(7, night1.ingest().recordsRead(), "5 JSON lines + 2 CSV rows");
        assertEquals(1, night1.ingest().recordsQuarantined());
        assertEquals(6, night2.ingest().recordsRead());
        assertEquals(2, night2.ingest().recordsQuarantined(), "a duplicate in the night and a truncated line");
        assertEquals(
                night1.ingest().recordsRead() + night2.ingest().recordsRead(),
                backfillRun.ingest().recordsRead());
        assertEquals(3, afterNight2.get("quarantine").size());
    }

    @Test
    void personalDataStaysInBronze() {
        List<String> silverAndGold = afterNight2.entrySet().stream()
                .filter(e -> !e.getKey().equals("bronze_conversations")
                        && !e.getKey().equals("quarantine"))
                .flatMap(e -> e.getValue().stream())
                .toList();
        for (String raw : List.of("4111 1111 1111 1111", "7700 900123", "anna.smith", "DE89 3704")) {
            assertTrue(
                    silverAndGold.stream().noneMatch(line -> line.contains(raw)),
                    raw + " must not reach silver or gold");
            assertTrue(
                    afterNight2.get("bronze_conversations").stream().anyMatch(line -> line.contains(raw)),
                    raw + " stays in bronze for operators");
        }
        assertEquals("My card <CARD> was charged twice. Call me on <PHONE>.", silverText("r-human", 0));
        assertEquals("Send the receipt to <EMAIL> please.", silverText("r-email", 0));
        assertEquals("Please refund to <IBAN>.", silverText("r-iban", 0));
        assertTrue(
                silverAndGold.stream().anyMatch(line -> line.contains("conversation_id=r-email, customer_id=pii-")),
                "an e-mail used as customer key is pseudonymized");
        Row human = oneByOne.read(Table.SILVER_MESSAGES)
                .where(col("conversation_id").equalTo("r-human").and(col("seq").equalTo(0)))
                .first();
        assertEquals(2, human.<Integer>getAs("sentences"), "redacted text is scored: both sentences");
    }

    @Test
    void aRunKilledAfterItsBronzeCommitThenRerunEqualsAnUnbrokenRun() throws Exception {
        killer.join(TimeUnit.SECONDS.toMillis(CHILD_SECONDS));
        assertEquals("killed after the bronze commit", killedState);
        Path warehouseDir = temp.resolve("killed");
        assertFalse(
                Files.exists(warehouseDir.resolve("silver_messages/_delta_log").resolve(TableContents.commitFile(1))),
                "killed between bronze and silver: silver has no data commit");
        Warehouse killed = new Warehouse(TestSpark.session(), warehouseDir.toString());
        assertEquals(7, killed.read(Table.BRONZE_CONVERSATIONS).count(), "bronze was committed whole");
        assertEquals(
                7,
                killed.read(Table.BRONZE_CONVERSATIONS)
                        .where(col("scored_run_id").isNull())
                        .count(),
                "and never scored");

        NightlyJob.Result rerun = run(killed, NIGHT_1, NIGHT_2, "run-after-kill");
        assertEquals(0L, rerun.rowsWritten().get(Table.BRONZE_CONVERSATIONS), "bronze already held the backfill");
        assertEquals(7, rerun.conversationsScored(), "the killed run's conversations are scored by the re-run");
        assertEquals(backfillWithoutRunIds, TableContents.of(killed, TableContents.RUN_IDENTITY));
    }

    @Test
    void aSecondRunOnALocalWarehouseGivesWayWithOneLine() throws Exception {
        assertEquals(1, lockedOutChild.exitCode(CHILD_SECONDS), lockedOutChild.stderrTail());
        assertTrue(
                lockedOutChild
                        .lastStderrLine()
                        .matches("csat nightly failed: another run \\(run-holding, process \\S+\\) is writing to"
                                + " the warehouse \\S+; re-run later( +\\(--verbose for the stack trace\\))?"),
                lockedOutChild.lastStderrLine());
        Warehouse held = new Warehouse(TestSpark.session(), temp.resolve("held").toString());
        Row logged = held.read(Table.PIPELINE_RUNS).first();
        assertEquals("failed", logged.getAs("status"));
        assertTrue(logged.<String>getAs("error").startsWith("another run (run-holding"));
        assertFalse(held.exists(Table.BRONZE_CONVERSATIONS), "the run that gave way wrote nothing but its log row");
    }

    @Test
    void twoIngestsWritingAtOnceEndAsOne() throws Exception {
        Warehouse shared =
                new Warehouse(TestSpark.session(), temp.resolve("shared").toString());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<IngestTranscripts.Result>> runs = new ArrayList<>();
            for (String runId : List.of("run-x", "run-y")) {
                runs.add(threads.submit(() -> new IngestTranscripts(new StageContext(
                                TestSpark.session(),
                                shared,
                                TestSpark.testConfig(),
                                new Run(runId, Timestamp.from(Instant.parse("2024-06-03T02:00:00Z")))))
                        .inputDir(input.toString())
                        .nights(NIGHT_1, NIGHT_2)
                        .execute()));
            }
            int succeeded = 0;
            for (Future<IngestTranscripts.Result> run : runs) {
                try {
                    run.get(CHILD_SECONDS, TimeUnit.SECONDS);
                    succeeded++;
                } catch (ExecutionException e) {
                    assertTrue(
                            e.getCause() instanceof ConcurrentRunException, "only a clean give-way: " + e.getCause());
                }
            }
            assertTrue(succeeded >= 1);
        } finally {
            threads.shutdownNow();
        }
        Map<String, List<String>> actual = TableContents.of(shared, TableContents.RUN_IDENTITY);
        assertEquals(backfillWithoutRunIds.get("bronze_conversations"), actual.get("bronze_conversations"));
        assertEquals(backfillWithoutRunIds.get("quarantine"), actual.get("quarantine"));
    }

    private String silverText(String conversationId, int seq) {
        return oneByOne.read(Table.SILVER_MESSAGES)
                .where(col("conversation_id")
                        .equalTo(conversationId)
                        .and(col("seq").equalTo(seq)))
                .first()
                .getAs("text");
    }
}
