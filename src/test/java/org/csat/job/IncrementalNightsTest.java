package org.csat.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.spark.sql.Row;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nights arriving one after another in one input folder, each run without a date range, as a
 * scheduler runs it: every run reads only the night that arrived since the last (the earlier
 * nights' files stay in the folder), a run with nothing new reads nothing and says so, and a
 * changed file makes its whole night read again.
 */
class IncrementalNightsTest {
    private static final String NIGHT_3 =
            "{\"conversation_id\":\"c-night3\",\"customer_id\":\"cust-9\",\"started_at\":\"2024-03-03T09:00:00Z\","
                    + "\"messages\":[{\"ts\":\"2024-03-03T09:00:00Z\",\"role\":\"customer\",\"text\":\"Where is my"
                    + " parcel?\"},{\"ts\":\"2024-03-03T09:00:03Z\",\"role\":\"bot\",\"text\":\"It arrives"
                    + " tomorrow.\"}]}\n";

    @Test
    void eachRunReadsOnlyTheNightThatArrived(@TempDir Path temp) throws Exception {
        Path fixture = TestSpark.copyFixture("fixtures/nightly", temp.resolve("fixture"));
        Path input = Files.createDirectories(temp.resolve("in"));
        Warehouse warehouse =
                new Warehouse(TestSpark.session(), temp.resolve("warehouse").toString());

        Files.move(fixture.resolve("2024-03-01"), input.resolve("2024-03-01"));
        NightlyJob.Result first = run(warehouse, input);
        assertEquals(List.of(2L, 0, 16L), read(first));

        Files.move(fixture.resolve("2024-03-02"), input.resolve("2024-03-02"));
        NightlyJob.Result second = run(warehouse, input);
        assertEquals(List.of(1L, 2, 2L), read(second), "only night two's file");

        Files.createDirectories(input.resolve("2024-03-03"));
        Files.writeString(input.resolve("2024-03-03/chats.jsonl"), NIGHT_3);
        NightlyJob.Result third = run(warehouse, input);
        assertEquals(List.of(1L, 3, 1L), read(third), "only night three's file");
        assertEquals(1, third.conversationsScored(), "only night three's conversation is scored");
        assertEquals(10, warehouse.read(Table.BRONZE_CONVERSATIONS).count(), "all three nights are in bronze");

        NightlyJob.Result nothingNew = run(warehouse, input);
        assertEquals(NightlyJob.Outcome.NO_INPUT, nothingNew.outcome());
        assertEquals(List.of(0L, 4, 0L), read(nothingNew));

        Files.writeString(
                input.resolve("2024-03-01/chats.jsonl"),
                NIGHT_3.replace("c-night3", "c-late"),
                StandardOpenOption.APPEND);
        NightlyJob.Result changed = run(warehouse, input);
        assertEquals(List.of(2L, 2, 17L), read(changed), "a changed file: its whole night, both files, again");
        assertEquals(11, warehouse.read(Table.BRONZE_CONVERSATIONS).count());

        List<Row> files =
                warehouse.read(Table.INGESTED_FILES).orderBy("source_file").collectAsList();
        assertEquals(4, files.size(), "one row per file, the last read");
        assertEquals(changed.run().id(), files.get(0).getAs("run_id"));
        assertEquals(java.sql.Date.valueOf("2024-03-01"), files.get(0).getAs("night"));
    }

    private static NightlyJob.Result run(Warehouse warehouse, Path input) throws Exception {
        return new NightlyJob(TestSpark.session(), warehouse, TestSpark.testConfig())
                .inputDir(input.toString())
                .execute();
    }

    /** Files read, files left as read before, records read. */
    private static List<Object> read(NightlyJob.Result result) {
        return List.of(
                result.ingest().inputFiles(),
                result.ingest().filesAlreadyIngested(),
                result.ingest().recordsRead());
    }
}
