package org.csat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.csat.ingest.OddInputs.Broken;
import org.csat.ingest.OddInputs.Record;
import org.csat.stage.Run;
import org.csat.stage.StageContext;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one invariant of ingest, on input generated from a seed ({@link OddInputs}): a night of
 * files with random names of any characters, random good and broken records in JSON Lines, JSON
 * arrays and CSV (plain or gzip, LF, CRLF or CR line ends), nested folders with odd names, a
 * folder named like a file, a file named like a night, a broken link, a link loop, a pipe, an
 * unreadable file (where permissions bind: not as root), system files, and a folder named like a
 * night that is no date. The run must succeed; records read = accepted + quarantined; every
 * good id is in bronze and nothing else is; the quarantine holds exactly the expected reason
 * codes, the generated defects and one per entry that yields no records; and re-running the
 * night writes nothing.
 */
class GeneratedInputTest {
    /** What a generated input tree must give. */
    private static final class Expected {
        final Set<String> acceptedIds = new TreeSet<>();
        final List<String> quarantineCodes = new ArrayList<>();
        long acceptedRecords;

        void add(Record r) {
            if (r.quarantineCode() != null) {
                quarantineCodes.add(r.quarantineCode());
            } else {
                acceptedRecords++;
                if (r.acceptedId() != null) {
                    acceptedIds.add(r.acceptedId());
                }
            }
        }

        void fileProblem(String code) {
            quarantineCodes.add(code);
        }

        long records() {
            return acceptedRecords + quarantineCodes.size();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 23, 47})
    void everyGeneratedRecordIsAcceptedOrQuarantinedAndTheRunSucceeds(long seed, @TempDir Path temp) throws Exception {
        OddInputs gen = new OddInputs(seed);
        Expected expected = new Expected();
        Path input = temp.resolve("in");
        Path night = Files.createDirectories(input.resolve("2024-05-01"));
        for (int i = 0; i < 10; i++) {
            dataFile(gen, night, expected);
        }
        Path nested = Files.createDirectories(night.resolve(gen.folderName()).resolve(gen.folderName()));
        dataFile(gen, nested, expected);
        dataFile(gen, nested.getParent(), expected);
        Path looksLikeAFile = Files.createDirectories(night.resolve(gen.fileName(".jsonl")));
        dataFile(gen, looksLikeAFile, expected);
        oddEntries(gen, night, expected);
        Path impossible = Files.createDirectories(input.resolve("2024-02-30"));
        Files.write(impossible.resolve(gen.fileName(".jsonl")), gen.jsonLines(List.of(gen.goodJson()), "\n"));
        expected.fileProblem("bad_night_folder");

        Warehouse warehouse =
                new Warehouse(TestSpark.session(), temp.resolve("warehouse").toString());
        IngestTranscripts.Result run = ingest(warehouse, input, "run-1");

        assertEquals(expected.records(), run.recordsRead(), "records read");
        assertEquals(run.recordsRead(), run.recordsAccepted() + run.recordsQuarantined(), "read = accepted + q.");
        List<Row> bronze = warehouse.read(Table.BRONZE_CONVERSATIONS).collectAsList();
        assertEquals(
                expected.acceptedIds,
                bronze.stream()
                        .map(r -> r.<String>getAs("conversation_id"))
                        .collect(Collectors.toCollection(TreeSet::new)),
                "every good id in bronze, and only those");
        assertEquals(
                expected.acceptedRecords,
                bronze.stream().mapToLong(r -> r.<Long>getAs("source_records")).sum());
        List<Row> quarantine = warehouse.read(Table.QUARANTINE).collectAsList();
        assertEquals(
                sorted(expected.quarantineCodes),
                sorted(quarantine.stream()
                        .map(r -> r.<String>getAs("reason_code"))
                        .toList()),
                "one quarantine row per broken record or unreadable entry, with its reason");
        for (Row r : quarantine) {
            String reason = r.getAs("reason");
            assertTrue(reason.length() > 15 && !reason.contains("Exception"), "a reason a person acts on: " + reason);
        }

        IngestTranscripts.Result again = ingest(warehouse, input, "run-2");
        assertEquals(run.recordsRead(), again.recordsRead());
        assertEquals(0L, again.rowsWritten().get(Table.BRONZE_CONVERSATIONS), "a re-run rewrites no bronze row");
        assertEquals(0L, again.rowsWritten().get(Table.QUARANTINE), "a re-run rewrites no quarantine row");
    }

    @org.junit.jupiter.api.Test
    void aCsvConversationSplitOverTwoFilesOfANightIsAssembledWhole(@TempDir Path temp) throws Exception {
        Path night = Files.createDirectories(temp.resolve("in/2024-05-01"));
        String header = "conversation_id,ts,role,text,csat\n";
        Files.writeString(
                night.resolve("part-1.csv"),
                header + "split,2024-05-01T10:00:00Z,customer,first,\nother,2024-05-01T10:00:00Z,customer,hi,\n"
                        + "split,2024-05-01T10:00:05Z,bot,second,\n");
        Files.writeString(
                night.resolve("part-2.csv"),
                header + "split,2024-05-01T10:00:09Z,customer,third,4\n"
                        + "split,2024-05-01T10:00:00Z,customer,first,\n"); // an exporter's repeat of a row
        Warehouse warehouse =
                new Warehouse(TestSpark.session(), temp.resolve("warehouse").toString());
        IngestTranscripts.Result run = ingest(warehouse, temp.resolve("in"), "run-1");
        assertEquals(5, run.recordsRead());
        assertEquals(5, run.recordsAccepted());
        Row split = warehouse
                .read(Table.BRONZE_CONVERSATIONS)
                .where(org.apache.spark.sql.functions.col("conversation_id").equalTo("split"))
                .first();
        assertEquals(
                List.of("first", "second", "third"),
                split.<Row>getList(split.fieldIndex("messages")).stream()
                        .map(m -> m.<String>getAs("text"))
                        .toList());
        assertEquals(4, split.<Integer>getAs("csat"));
        assertEquals(4L, split.<Long>getAs("source_records"));
        assertTrue(split.<String>getAs("source_file").endsWith("part-1.csv"), "the file of its first row");
    }

    /** One data file of a random format, name and line end, holding random good and broken records. */
    private static void dataFile(OddInputs gen, Path dir, Expected expected) throws IOException {
        String lineEnd = gen.pick(new String[] {"\n", "\r\n", "\r"});
        int format = gen.random().nextInt(10);
        boolean gzip = gen.random().nextInt(4) == 0;
        byte[] content;
        String extension;
        if (format < 3) {
            List<Broken> conversations = new ArrayList<>();
            List<Broken> kinds = OddInputs.csvKinds();
            for (int i = 1 + gen.random().nextInt(5); i > 0; i--) {
                conversations.add(
                        gen.random().nextBoolean()
                                ? null
                                : kinds.get(gen.random().nextInt(kinds.size())));
            }
            List<Record> rows = new ArrayList<>();
            content = gen.csv(conversations, lineEnd, rows);
            rows.forEach(expected::add);
            extension = ".csv";
        } else if (format < 4) {
            List<Record> records = new ArrayList<>();
            StringBuilder array = new StringBuilder("[");
            for (int i = 1 + gen.random().nextInt(4); i > 0; i--) {
                Record r = gen.random().nextBoolean()
                        ? gen.goodJson()
                        : gen.brokenJson(
                                gen.pick(new Broken[] {Broken.NO_ID, Broken.CSAT_HEX_FLOAT, Broken.NOT_AN_OBJECT}));
                records.add(r);
                array.append(array.length() > 1 ? "," + lineEnd : lineEnd)
                        .append(new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            content = array.append(lineEnd)
                    .append("]")
                    .append(lineEnd)
                    .toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            records.forEach(expected::add);
            extension = ".json";
        } else {
            List<Record> records = new ArrayList<>();
            Broken[] kinds = Broken.values();
            for (int i = 1 + gen.random().nextInt(6); i > 0; i--) {
                records.add(gen.random().nextBoolean() ? gen.goodJson() : gen.brokenJson(gen.pick(kinds)));
            }
            content = gen.jsonLines(records, lineEnd);
            records.forEach(expected::add);
            extension = gen.pick(new String[] {".jsonl", ".JSONL", ".ndjson"});
        }
        if (gzip) {
            content = OddInputs.gzip(content);
            extension += ".gz";
        }
        Files.write(dir.resolve(gen.fileName(extension)), content);
    }

    /** Entries that yield no records: each is quarantined as a file, or skipped when it is a system file. */
    private static void oddEntries(OddInputs gen, Path night, Expected expected) throws Exception {
        Files.createSymbolicLink(night.resolve(gen.fileName(".jsonl")), night.resolve("gone.jsonl"));
        expected.fileProblem("broken_link");
        Files.createSymbolicLink(night.resolve(gen.folderName()), night);
        expected.fileProblem("link_loop");
        Files.writeString(night.resolve("2024-05-09"), "a file named like a night folder\n");
        expected.fileProblem("unsupported_file");
        Files.writeString(night.resolve(gen.fileName(".txt").replaceFirst("^\\.+", "")), "hello\n");
        expected.fileProblem("unsupported_file");
        Files.write(night.resolve(gen.fileName(".jsonl")), new byte[0]);
        expected.fileProblem("empty_file");
        Files.writeString(night.resolve("_SUCCESS"), "");
        Files.writeString(night.resolve(".DS_Store"), "\u0000\u0001binary");
        Files.write(night.resolve("._" + gen.fileName(".jsonl")), new byte[] {0, 5, 22, 7});
        Path hidden = Files.createDirectories(night.resolve("_temporary"));
        Files.write(hidden.resolve("part-0.jsonl"), gen.jsonLines(List.of(gen.goodJson()), "\n"));

        Path locked = night.resolve(gen.fileName(".jsonl"));
        Record lockedRecord = gen.goodJson();
        Files.write(locked, gen.jsonLines(List.of(lockedRecord), "\n"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(locked)) {
            expected.add(lockedRecord); // as root, permissions do not bind: the file is read
        } else {
            expected.fileProblem("unreadable_file");
        }
        Path fifo = night.resolve(gen.fileName(".jsonl"));
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            expected.fileProblem("not_a_regular_file");
        }
    }

    private static IngestTranscripts.Result ingest(Warehouse warehouse, Path input, String runId) throws IOException {
        return new IngestTranscripts(new StageContext(
                        TestSpark.session(),
                        warehouse,
                        TestSpark.testConfig(),
                        new Run(runId, Timestamp.from(Instant.parse("2024-05-01T23:00:00Z")))))
                .inputDir(input.toString())
                .execute();
    }

    private static List<String> sorted(List<String> codes) {
        List<String> out = new ArrayList<>(codes);
        out.sort(null);
        return out;
    }
}
