package org.csat.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exit code of {@code csat nightly} through the command line, as a scheduler sees them, on
 * the nightly fixture (night 2024-03-01: 16 records, 7 of them quarantined; night 2024-03-02: 2
 * good records): 4 for the first night (tables written, too much quarantined), 0 for the second,
 * 3 for a night with no file (0 with --allow-empty), 2 for command-line and configuration
 * mistakes (no run logged), 1 for a failure. Each prints one summary line on stdout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyExitCodesTest {
    private Path input;
    private Path warehouseDir;
    private Warehouse warehouse;

    private record Outcome(int code, String out, String err) {}

    @BeforeAll
    void fixture(@TempDir Path temp) throws Exception {
        input = TestSpark.copyFixture("fixtures/nightly", temp.resolve("in"));
        warehouseDir = temp.resolve("warehouse");
        warehouse = new Warehouse(TestSpark.session(), warehouseDir.toString());
    }

    private Outcome nightly(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = new String[options.length + 1];
        argv[0] = "nightly";
        System.arraycopy(options, 0, argv, 1, options.length);
        int code = Main.run(
                argv,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Outcome night(String date, String... more) {
        String[] options = new String[6 + more.length];
        options[0] = "--input";
        options[1] = input.toString();
        options[2] = "--warehouse";
        options[3] = warehouseDir.toString();
        options[4] = "--date";
        options[5] = date;
        System.arraycopy(more, 0, options, 6, more.length);
        return nightly(options);
    }

    private List<String> statuses() {
        return warehouse.read(Table.PIPELINE_RUNS).orderBy("started_at").select("status").collectAsList().stream()
                .map(r -> r.getString(0))
                .toList();
    }

    private static void assertOneSummaryLine(Outcome outcome, String status) {
        List<String> lines = outcome.out().lines().toList();
        assertEquals(1, lines.size(), "one line on stdout: " + outcome.out());
        assertTrue(
                lines.get(0).matches("csat nightly: run run-\\S+ " + status + ", exit " + outcome.code() + ": .*"),
                lines.get(0));
    }

    @Test
    void exitCodesInTheOrderASchedulerMeetsThem() {
        Outcome broken = night("2024-03-01");
        assertEquals(4, broken.code(), broken.err());
        assertOneSummaryLine(broken, "quarantine_above_limit");
        assertTrue(broken.out().contains("records read 16 = accepted 9 + quarantined 7"), broken.out());
        assertEquals(8, warehouse.read(Table.SILVER_CONVERSATIONS).count(), "every table is still written");
        assertTrue(warehouse.read(Table.GOLD_COHORT_DAILY).count() > 0);

        Outcome good = night("2024-03-02");
        assertEquals(0, good.code(), good.err());
        assertOneSummaryLine(good, "succeeded");
        assertTrue(good.err().contains("ingest   started"), "progress on stderr: " + good.err());
        assertTrue(good.err().matches("(?s).*gold     done in [0-9.]+ s: .*"), good.err());
        Row logged = warehouse
                .read(Table.PIPELINE_RUNS)
                .orderBy(col("started_at").desc())
                .first();
        assertTrue(good.out().contains("records read " + logged.<Long>getAs("records_read") + " "), good.out());

        Outcome missed = night("2024-03-05");
        assertEquals(3, missed.code(), missed.err());
        assertOneSummaryLine(missed, "no_input");
        assertTrue(missed.err().contains("no input file found under"), missed.err());
        assertFalse(missed.err().contains("score    started"), "nothing after ingest runs: " + missed.err());

        Outcome quiet = night("2024-03-05", "--allow-empty");
        assertEquals(0, quiet.code(), quiet.err());
        assertOneSummaryLine(quiet, "succeeded");

        assertEquals(List.of("quarantine_above_limit", "succeeded", "no_input", "succeeded"), statuses());
    }

    @Test
    void mistakesOnTheCommandLineExitTwoBeforeAnyRun(@TempDir Path temp) {
        Path fresh = temp.resolve("never-created");
        List<String[]> mistakes = List.of(
                new String[] {"--from", "2024-03-10", "--to", "2024-03-01"},
                new String[] {"--date", "2024-02-30"},
                new String[] {"--input", temp.resolve("no-such-dir").toString()},
                new String[] {"--set", "ingest.max_quarantine_share=2"},
                new String[] {"--set", "no.such_key=1"},
                new String[] {"--date", "2024-03-01", "--from", "2024-03-01"},
                new String[] {"surplus"});
        for (String[] mistake : mistakes) {
            String[] argv = new String[mistake.length + 2];
            argv[0] = "--warehouse";
            argv[1] = fresh.toString();
            System.arraycopy(mistake, 0, argv, 2, mistake.length);
            Outcome outcome = nightly(argv);
            assertEquals(2, outcome.code(), String.join(" ", mistake) + ": " + outcome.err());
            assertTrue(outcome.err().startsWith("csat nightly: "), outcome.err());
        }
        assertFalse(Files.exists(fresh), "no run was started, so no warehouse and no pipeline_runs row");
    }

    @Test
    void aFailureExitsOneWithItsReasonLastAndTheStackTraceOnlyInTheLogFile(@TempDir Path temp) throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("warehouse-is-a-file"), "x");
        Path log = temp.resolve("csat.log");
        Outcome failed = nightly(
                "--input", input.toString(), "--warehouse", notADirectory.toString(), "--log-file", log.toString());
        assertEquals(1, failed.code(), failed.err());
        List<String> errLines = failed.err().strip().lines().toList();
        assertTrue(errLines.get(errLines.size() - 1).startsWith("csat nightly failed: "), failed.err());
        assertFalse(failed.err().contains("\tat "), "no stack trace on the console without --verbose");
        assertTrue(failed.out().startsWith("csat nightly: run run-"), failed.out());
        assertTrue(failed.out().contains(" failed, exit 1: "), failed.out());
        assertTrue(Files.readString(log).contains("\tat "), "the log file has the stack trace");

        Outcome verbose = nightly("--input", input.toString(), "--warehouse", notADirectory.toString(), "--verbose");
        assertEquals(1, verbose.code());
        assertTrue(verbose.err().contains("\tat "), "--verbose prints the stack trace");
    }
}
