package org.csat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.csat.ingest.OddInputs.Broken;
import org.csat.ingest.OddInputs.Record;
import org.csat.tables.TableSchemas;

/**
 * Properties of the file reader on its own (no Spark job), over generated files: whatever the
 * file's name, line ends, compression and records, it yields exactly one record per JSON line
 * or CSV row, in order, each accepted with its id or rejected with the reason its defect calls
 * for. jqwik shrinks a failure to the fewest records that still break it.
 */
class FileReaderPropertiesTest {
    private final Path dir;

    FileReaderPropertiesTest() throws IOException {
        dir = Files.createTempDirectory("reader-properties");
    }

    @AfterProperty
    void removeFiles() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 150, seed = "21")
    void everyJsonLineIsOneRecordAcceptedOrRejectedForItsDefect(
            @ForAll("defects") List<Broken> defects,
            @ForAll("lineEnds") String lineEnd,
            @ForAll boolean gzip,
            @ForAll("seeds") long seed)
            throws IOException {
        OddInputs gen = new OddInputs(seed);
        List<Record> records = new ArrayList<>();
        for (Broken defect : defects) {
            records.add(defect == null ? gen.goodJson() : gen.brokenJson(defect));
        }
        byte[] content = gen.jsonLines(records, lineEnd);
        Path file = dir.resolve(gen.fileName(gzip ? ".jsonl.gz" : ".jsonl"));
        Files.write(file, gzip ? OddInputs.gzip(content) : content);
        assertEquals(expected(records), read(file));
    }

    @Property(tries = 100, seed = "21")
    void everyCsvRowIsOneRecordAcceptedOrRejectedForItsDefect(
            @ForAll("csvDefects") List<Broken> conversations,
            @ForAll("lineEnds") String lineEnd,
            @ForAll("seeds") long seed)
            throws IOException {
        OddInputs gen = new OddInputs(seed);
        List<Record> rows = new ArrayList<>();
        byte[] content = gen.csv(conversations, lineEnd, rows);
        Path file = dir.resolve(gen.fileName(".csv"));
        Files.write(file, content);
        List<String> expected = new ArrayList<>();
        for (Record row : rows) {
            // a row is rejected for its own defect; its siblings are rejected only when assembled
            boolean sibling = "sibling_row_rejected".equals(row.quarantineCode());
            expected.add(row.quarantineCode() == null || sibling ? "accepted" : row.quarantineCode());
        }
        assertEquals(
                expected,
                read(file).stream().map(r -> r.contains(":") ? "accepted" : r).toList());
    }

    @Provide
    Arbitrary<List<Broken>> defects() {
        return Arbitraries.of(Broken.values())
                .injectNull(0.5)
                .list()
                .ofMinSize(1)
                .ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Broken>> csvDefects() {
        return Arbitraries.of(OddInputs.csvKinds())
                .injectNull(0.5)
                .list()
                .ofMinSize(1)
                .ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(0, 1_000_000);
    }

    /** "accepted:id" or the quarantine code, per record in file order. */
    private static List<String> expected(List<Record> records) {
        return records.stream()
                .map(r -> r.acceptedId() != null ? "accepted:" + r.acceptedId() : r.quarantineCode())
                .toList();
    }

    private static List<String> read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        Configuration conf = new Configuration();
        new TranscriptFileReader(20_000, 2_000_000)
                .read(InputTree.hadoopPath(FileSystem.getLocal(conf), file), conf)
                .forEachRemaining(r -> out.add(describe(r)));
        return out;
    }

    private static String describe(Row r) {
        String code = (String) r.get(TableSchemas.PARSED_RECORD.fieldIndex("error_code"));
        return code != null ? code : "accepted:" + r.get(TableSchemas.PARSED_RECORD.fieldIndex("conversation_id"));
    }
}
