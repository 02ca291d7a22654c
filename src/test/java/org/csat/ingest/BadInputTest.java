package org.csat.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.csat.stage.Run;
import org.csat.stage.StageContext;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input we know of, each in its own real file (src/test/resources/badinput
 * plus the byte-exact ones {@link BadInputFiles} writes), ingested in one run that must not
 * stop: for each file, which conversations reach bronze, which records land in quarantine with
 * which reason, and that the file's records are all accounted for. Night 2 re-delivers two
 * conversations; night 3 is an empty directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    /** What one file must yield: its record count, the conversations accepted, quarantine by record number. */
    record Expect(long records, Set<String> accepted, Map<Long, String> quarantined) {}

    static final Map<String, Expect> FILES = new TreeMap<>();

    static {
        FILES.put("truncated-json.jsonl", new Expect(2, Set.of("b-trunc-ok"), Map.of(2L, "bad_json")));
        FILES.put(
                "wrong-types.jsonl",
                new Expect(
                        5,
                        Set.of("b-type-metadata", "b-type-topic"),
                        Map.of(1L, "wrong_type", 2L, "wrong_type", 3L, "wrong_type")));
        FILES.put(
                "missing-fields.jsonl",
                new Expect(
                        6,
                        Set.of(),
                        Map.of(
                                1L,
                                "missing_field",
                                2L,
                                "missing_field",
                                3L,
                                "missing_field",
                                4L,
                                "missing_field",
                                5L,
                                "missing_field",
                                6L,
                                "no_messages")));
        FILES.put(
                "roles.jsonl",
                new Expect(3, Set.of("b-role-case"), Map.of(1L, "unknown_role", 3L, "only_system_messages")));
        FILES.put(
                "bad-timestamps.jsonl",
                new Expect(
                        5,
                        Set.of(),
                        Map.of(
                                1L,
                                "bad_timestamp",
                                2L,
                                "bad_timestamp",
                                3L,
                                "bad_timestamp",
                                4L,
                                "bad_timestamp",
                                5L,
                                "inconsistent_timestamps")));
        FILES.put(
                "repaired-timestamps.jsonl",
                new Expect(4, Set.of("b-ts-inherit", "b-ts-epoch", "b-ts-offset", "b-ts-unordered"), Map.of()));
        FILES.put(
                "duplicates.jsonl",
                new Expect(3, Set.of("b-dup", "b-dup-messages"), Map.of(1L, "duplicate_conversation")));
        FILES.put("dup-across-files-a.jsonl", new Expect(1, Set.of(), Map.of(1L, "duplicate_conversation")));
        FILES.put("dup-across-files-b.jsonl", new Expect(1, Set.of("b-dup-files"), Map.of()));
        FILES.put(
                "empty-text.jsonl",
                new Expect(3, Set.of(), Map.of(1L, "empty_text", 2L, "empty_text", 3L, "empty_text")));
        FILES.put(
                "csat.jsonl",
                new Expect(
                        5,
                        Set.of("b-csat-text4", "b-csat-4.0"),
                        Map.of(1L, "bad_csat", 2L, "bad_csat", 3L, "bad_csat")));
        FILES.put(
                "not-objects.jsonl",
                new Expect(
                        4, Set.of(), Map.of(1L, "not_an_object", 2L, "not_an_object", 3L, "bad_json", 4L, "bad_json")));
        FILES.put("schema-drift.jsonl", new Expect(1, Set.of("b-drift"), Map.of()));
        FILES.put("array.json", new Expect(2, Set.of("b-array-1", "b-array-2"), Map.of()));
        FILES.put(
                "quoted-newlines.csv",
                new Expect(5, Set.of("b-csv-multi"), Map.of(2L, "csv_ragged_row", 4L, "sibling_row_rejected")));
        FILES.put(
                "conflicting.csv", new Expect(2, Set.of(), Map.of(1L, "conflicting_fields", 2L, "conflicting_fields")));
        FILES.put("semicolon.csv", new Expect(1, Set.of("b-csv-semicolon"), Map.of()));
        FILES.put(
                "no-text-column.csv",
                new Expect(2, Set.of(), Map.of(1L, "csv_missing_columns", 2L, "csv_missing_columns")));
        FILES.put("unclosed-quote.csv", new Expect(2, Set.of(), Map.of(1L, "incomplete_file", 2L, "bad_csv")));
        FILES.put("notes.txt", new Expect(1, Set.of(), Map.of(0L, "unsupported_file")));
        FILES.put("invalid-utf8.jsonl", new Expect(3, Set.of("b-utf8-ok"), Map.of(2L, "not_utf8", 3L, "not_utf8")));
        FILES.put("invalid-utf8.csv", new Expect(2, Set.of("b-csv-utf8-ok"), Map.of(2L, "not_utf8")));
        FILES.put("bom-crlf.jsonl", new Expect(2, Set.of("b-bom-1", "b-bom-2"), Map.of()));
        FILES.put("bom-crlf.csv", new Expect(2, Set.of("b-csv-bom"), Map.of()));
        FILES.put("utf16.jsonl", new Expect(1, Set.of("b-utf16"), Map.of()));
        FILES.put("cut.jsonl.gz", new Expect(3, Set.of("b-cut-1", "b-cut-2"), Map.of(3L, "truncated_file")));
        FILES.put(
                "cut.csv.gz",
                new Expect(3, Set.of(), Map.of(1L, "incomplete_file", 2L, "incomplete_file", 3L, "truncated_file")));
        FILES.put("huge-message.jsonl", new Expect(1, Set.of(), Map.of(1L, "oversize_text")));
        FILES.put("huge-line.jsonl", new Expect(2, Set.of("b-huge-ok"), Map.of(2L, "record_too_large")));
        FILES.put("binary.jsonl", new Expect(1, Set.of(), Map.of(0L, "binary_file")));
        FILES.put("photo.png", new Expect(1, Set.of(), Map.of(0L, "unsupported_file")));
        FILES.put("empty.jsonl", new Expect(1, Set.of(), Map.of(0L, "empty_file")));
        FILES.put("blank.csv", new Expect(1, Set.of(), Map.of(0L, "empty_file")));
        FILES.put("gzip-named-plain.jsonl.gz", new Expect(1, Set.of("b-plain-named-gz"), Map.of()));
        FILES.put("plain-named-gzip.jsonl", new Expect(1, Set.of("b-gzip-named-plain"), Map.of()));
    }

    private Path night1;
    private Warehouse warehouse;
    private IngestTranscripts.Result run1;
    private IngestTranscripts.Result run2;
    private IngestTranscripts.Result run3;
    private List<Row> bronzeAfterRun1;
    private List<Row> quarantineAfterRun1;

    @BeforeAll
    void ingest(@TempDir Path temp) throws Exception {
        Path input = TestSpark.copyFixture("badinput", temp.resolve("in"));
        night1 = input.resolve("2024-05-01");
        BadInputFiles.writeAll(night1);
        Files.createDirectories(input.resolve("2024-05-03"));
        warehouse = new Warehouse(TestSpark.session(), temp.resolve("warehouse").toString());
        run1 = ingest(input, "2024-05-01", "run-1");
        bronzeAfterRun1 = warehouse.read(Table.BRONZE_CONVERSATIONS).collectAsList();
        quarantineAfterRun1 = warehouse.read(Table.QUARANTINE).collectAsList();
        run2 = ingest(input, "2024-05-02", "run-2");
        run3 = ingest(input, "2024-05-03", "run-3");
    }

    private IngestTranscripts.Result ingest(Path input, String night, String runId) throws Exception {
        LocalDate date = LocalDate.parse(night);
        return new IngestTranscripts(new StageContext(
                        TestSpark.session(),
                        warehouse,
                        TestSpark.testConfig(),
                        new Run(runId, Timestamp.from(Instant.parse(night + "T23:00:00Z")))))
                .inputDir(input.toString())
                .nights(date, date)
                .execute();
    }

    static Stream<String> files() {
        return FILES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileIsAcceptedQuarantinedOrRepairedAndFullyAccountedFor(String file) {
        Expect expect = FILES.get(file);
        Set<String> accepted = new TreeSet<>();
        long acceptedRecords = 0;
        for (Row r : bronzeAfterRun1) {
            if (name(r.getAs("source_file")).equals(file)) {
                accepted.add(r.getAs("conversation_id"));
                acceptedRecords += r.<Long>getAs("source_records");
            }
        }
        Map<Long, String> quarantined = new HashMap<>();
        for (Row r : quarantineAfterRun1) {
            if (name(r.getAs("source_file")).equals(file)) {
                assertEquals(null, quarantined.put(r.getAs("record_no"), r.getAs("reason_code")), "one row per record");
                String reason = r.getAs("reason");
                assertTrue(
                        reason.length() > 15 && !reason.contains("Exception"),
                        "a sentence a person acts on: " + reason);
            }
        }
        assertEquals(new TreeSet<>(expect.accepted()), accepted, "accepted from " + file);
        assertEquals(expect.quarantined(), quarantined, "quarantined from " + file);
        assertEquals(
                expect.records(),
                acceptedRecords + quarantined.size(),
                "records of " + file + " = accepted + quarantined");
    }

    @Test
    void countsReconcileExactlyAndNothingIsLost() {
        long records = FILES.values().stream().mapToLong(Expect::records).sum();
        assertEquals(FILES.size(), run1.inputFiles(), "every file of the night, and nothing from the empty directory");
        assertEquals(records, run1.recordsRead());
        assertEquals(run1.recordsRead(), run1.recordsAccepted() + run1.recordsQuarantined());
        assertEquals(run1.recordsQuarantined(), quarantineAfterRun1.size());
        assertEquals(
                run1.recordsAccepted(),
                bronzeAfterRun1.stream()
                        .mapToLong(r -> r.<Long>getAs("source_records"))
                        .sum());
        assertEquals(0, run1.conversationsSuperseded());
    }

    @Test
    void everyFileOfTheNightHasAnExpectation() throws Exception {
        Set<String> present = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(night1)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> present.add(f.getFileName().toString()));
        }
        assertEquals(FILES.keySet(), present);
    }

    @Test
    void repairsFollowTheDocumentedRules() {
        assertEquals(
                Map.of("metadata", "[\"SE\",\"pay-in-3\"]"),
                bronze("b-type-metadata").getJavaMap(bronze("b-type-metadata").fieldIndex("metadata")));
        assertEquals("{\"id\":3,\"name\":\"refund\"}", bronze("b-type-topic").getAs("topic"));
        assertEquals(List.of("customer", "bot"), messages("b-role-case", "role"));
        assertEquals(
                List.of("2024-05-01T10:00:00Z", "2024-05-01T10:00:09Z", "2024-05-01T10:00:09Z"),
                messages("b-ts-inherit", "ts"));
        assertEquals(
                Instant.parse("2024-05-01T10:00:00Z"),
                bronze("b-ts-epoch").<Timestamp>getAs("started_at").toInstant());
        assertEquals(List.of("2024-05-01T10:00:00Z"), messages("b-ts-offset", "ts"));
        assertEquals(List.of("first", "second", "third"), messages("b-ts-unordered", "text"));
        assertEquals(List.of("second delivery"), messages("b-dup", "text"), "the last delivery in the file wins");
        assertEquals(List.of("from file b"), messages("b-dup-files", "text"), "the last file wins");
        assertEquals(List.of("Hello", "Hi"), messages("b-dup-messages", "text"), "an exact repeat is kept once");
        assertEquals(
                List.of("Line one, with a comma\nand \"quotes\" on line two", "I can help."),
                messages("b-csv-multi", "text"));
        assertEquals(5, bronze("b-csv-multi").<Integer>getAs("csat"));
        assertEquals(
                List.of("hello", "hi there"), messages("b-csv-bom", "text"), "no BOM in the id, no CR in the text");
        assertEquals(List.of("Grüße aus Köln"), messages("b-utf16", "text"));
        assertEquals(List.of("Hello, where is my parcel?"), messages("b-csv-semicolon", "text"));
        assertEquals(4, bronze("b-csat-4.0").<Integer>getAs("csat"));
        Row drift = bronze("b-drift");
        assertEquals("2", drift.getJavaMap(drift.fieldIndex("metadata")).get("priority"));
        assertEquals(List.of("customer", "system"), messages("b-drift", "role"));
    }

    @Test
    void quarantineKeepsTheRawRecordForRepair() {
        Row truncated = quarantined("truncated-json.jsonl", 2);
        assertTrue(truncated.<String>getAs("raw").startsWith("{\"conversation_id\":\"b-trunc\""));
        assertTrue(quarantined("csat.jsonl", 2).<String>getAs("reason").contains("'7'"));
        assertTrue(
                quarantined("huge-line.jsonl", 2).<String>getAs("raw").length() <= 4096,
                "only the start of an oversize line");
        assertTrue(quarantined("cut.csv.gz", 1).<String>getAs("reason").contains("breaks off"));
    }

    @Test
    void aLaterNightReplacesChangedConversationsOnly() {
        assertEquals(2, run2.recordsRead());
        assertEquals(2, run2.recordsAccepted());
        assertEquals(0, run2.recordsQuarantined());
        assertEquals(
                1L, run2.rowsWritten().get(Table.BRONZE_CONVERSATIONS), "only the changed conversation is rewritten");
        Row redelivered = warehouse
                .read(Table.BRONZE_CONVERSATIONS)
                .where(col("conversation_id").equalTo("b-dup"))
                .first();
        assertEquals(
                "third delivery, a night later",
                redelivered
                        .<Row>getList(redelivered.fieldIndex("messages"))
                        .get(0)
                        .getAs("text"));
        assertTrue(
                name(warehouse
                                .read(Table.BRONZE_CONVERSATIONS)
                                .where(col("conversation_id").equalTo("b-trunc-ok"))
                                .first()
                                .getAs("source_file"))
                        .equals("truncated-json.jsonl"),
                "an identical re-delivery changes nothing");
    }

    @Test
    void anEmptyNightDirectoryIsAnEmptyRun() {
        assertEquals(0, run3.inputFiles());
        assertEquals(0, run3.recordsRead());
    }

    /** The conversation as night 1 left it in bronze. */
    private Row bronze(String id) {
        return bronzeAfterRun1.stream()
                .filter(r -> id.equals(r.getAs("conversation_id")))
                .findFirst()
                .orElseThrow();
    }

    private Row quarantined(String file, long recordNo) {
        return quarantineAfterRun1.stream()
                .filter(r -> name(r.getAs("source_file")).equals(file) && r.<Long>getAs("record_no") == recordNo)
                .findFirst()
                .orElseThrow();
    }

    private List<String> messages(String id, String field) {
        Row conversation = bronze(id);
        return conversation.<Row>getList(conversation.fieldIndex("messages")).stream()
                .map(m ->
                        m.getAs(field) instanceof Timestamp ts ? ts.toInstant().toString() : m.<String>getAs(field))
                .toList();
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
