package org.csat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.csat.tables.TableSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file reader on its own (no Spark job): which records each file shape yields, as
 * "record_no:conversation_id" for accepted and "record_no:reason_code" for rejected records,
 * in file order.
 */
class TranscriptFileReaderTest {
    private static final String OK = "{\"conversation_id\":\"%s\",\"started_at\":\"2024-05-01T10:00:00Z\","
            + "\"messages\":[{\"role\":\"customer\",\"text\":\"hi\"}]}";

    @TempDir
    Path dir;

    @Test
    void aJsonArrayFileIsOneRecordPerElement() throws IOException {
        assertEquals(List.of("1:a", "2:b"), read("export.json", "[\n " + ok("a") + ",\n " + ok("b") + "\n]\n"));
        assertEquals(List.of("1:a", "2:b"), read("one-line.json", "[" + ok("a") + "," + ok("b") + "]"));
    }

    @Test
    void prettyPrintedObjectsAreOneRecordEach() throws IOException {
        String pretty = ok("a").replace(",", ",\n  ").replace("{\"conversation_id\"", "{\n  \"conversation_id\"");
        assertEquals(List.of("1:a", "2:b"), read("pretty.jsonl", pretty + "\n" + ok("b") + "\n"));
    }

    @Test
    void aJsonArrayBreakingOffEndsTheFileWithOneRecord() throws IOException {
        assertEquals(
                List.of("1:a", "2:bad_json"), read("broken.json", "[" + ok("a") + ", {\"conversation_id\": \"b\", "));
    }

    @Test
    void jsonLinesWhoseFirstLineIsAnArrayStayJsonLines() throws IOException {
        assertEquals(List.of("1:not_an_object", "2:a"), read("lines.jsonl", "[1,2]\n" + ok("a") + "\n"));
    }

    @Test
    void blankLinesAreNoRecordsButABlankFileIsEmpty() throws IOException {
        assertEquals(List.of("2:a"), read("gaps.jsonl", "\n" + ok("a") + "\n\n"));
        assertEquals(List.of("0:empty_file"), read("blank.jsonl", "\n \n"));
        assertEquals(List.of("0:empty_file"), read("empty.csv", ""));
    }

    @Test
    void aGzipFileCutShortKeepsTheRecordsBeforeTheBreak() throws IOException {
        Path file = dir.resolve("cut.jsonl.gz");
        BadInputFiles.cutGzip(file, ok("a") + "\n" + ok("b") + "\n", ok("c") + "\n");
        assertEquals(List.of("1:a", "2:b", "3:truncated_file"), read(file));
        BadInputFiles.writeAll(dir);
        assertEquals(List.of("1:b-cut-1", "2:b-cut-2", "3:truncated_file"), read(dir.resolve("cut.jsonl.gz")));
        assertEquals(List.of("1:b-csv-cut-1", "2:b-csv-cut-2", "3:truncated_file"), read(dir.resolve("cut.csv.gz")));
    }

    @Test
    void utf16WithoutByteOrderMarkIsReencoded() throws IOException {
        Path file = dir.resolve("wide.jsonl");
        Files.write(file, (ok("ü") + "\n").getBytes(StandardCharsets.UTF_16LE));
        assertEquals(List.of("1:ü"), read(file));
    }

    @Test
    void aCsvHeaderIsMatchedIgnoringCaseAndDelimiter() throws IOException {
        assertEquals(
                List.of("1:c"),
                read("tabs.csv", "CONVERSATION_ID\tts\tRole\ttext\nc\t2024-05-01T10:00:00Z\tcustomer\thi\n"));
    }

    private static String ok(String id) {
        return String.format(OK, id);
    }

    private List<String> read(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return read(file);
    }

    private List<String> read(Path file) {
        List<String> out = new ArrayList<>();
        new TranscriptFileReader(20_000, 2_000_000)
                .read(file.toUri().toString(), new Configuration())
                .forEachRemaining(r -> out.add(describe(r)));
        return out;
    }

    private static String describe(Row r) {
        Object code = r.get(TableSchemas.PARSED_RECORD.fieldIndex("error_code"));
        return r.get(TableSchemas.PARSED_RECORD.fieldIndex("record_no")) + ":"
                + (code != null ? code : r.get(TableSchemas.PARSED_RECORD.fieldIndex("conversation_id")));
    }
}
