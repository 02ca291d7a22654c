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

    @Test
    void aDateThatDoesNotExistIsRejectedNotMovedToANearbyOne() throws IOException {
        assertEquals(
                List.of("1:bad_timestamp", "2:bad_timestamp", "3:leap"),
                read(
                        "dates.jsonl",
                        ok("a").replace("2024-05-01T10", "2025-02-30T10") + "\n"
                                + ok("b").replace("2024-05-01", "2024-04-31") + "\n"
                                + ok("leap").replace("2024-05-01", "2024-02-29") + "\n"));
    }

    @Test
    void csatTakesOnlyWholeNumbersAsPeopleWriteThem() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String csat : List.of("\"4d\"", "\"0x1p2\"", "\"Infinity\"", "4.5", "1e400", "\"4\"", "4.0", "\" 5 \"")) {
            lines.append("{\"csat\":" + csat + ","
                            + ok(csat.replaceAll("\\W", "")).substring(1))
                    .append('\n');
        }
        assertEquals(
                List.of("1:bad_csat", "2:bad_csat", "3:bad_csat", "4:bad_csat", "5:bad_csat", "6:4", "7:40", "8:5"),
                read("csat.jsonl", lines.toString()));
    }

    @Test
    void aLoneSurrogateRejectsAnIdButIsReplacedInText() throws IOException {
        String text = ok("t").replace("\"hi\"", "\"cut emoji \\ud83d\"");
        List<String> read = read("surrogates.jsonl", ok("a\\ud800") + "\n" + ok("a\\udc00") + "\n" + text + "\n");
        assertEquals(List.of("1:not_utf8", "2:not_utf8", "3:t"), read);
    }

    @Test
    void crOnlyLineEndsSeparateRecords() throws IOException {
        assertEquals(
                List.of("1:a", "2:b", "3:c"), read("old-mac.jsonl", ok("a") + "\r" + ok("b") + "\r" + ok("c") + "\r"));
        assertEquals(
                List.of("1:a", "2:b"),
                read(
                        "old-mac.csv",
                        "conversation_id,ts,role,text\ra,2024-05-01T10:00:00Z,customer,hi\r"
                                + "b,2024-05-01T10:00:00Z,customer,hi\r"));
    }

    @Test
    void aValidReplacementCharacterInCsvIsTextButBrokenBytesAreNotUtf8() throws IOException {
        Path file = dir.resolve("fffd.csv");
        byte[] head = ("conversation_id,ts,role,text\n" + "a,2024-05-01T10:00:00Z,customer,\"a \uFFFD here\"\n"
                        + "b,2024-05-01T10:00:00Z,customer,caf")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\nc,2024-05-01T10:00:00Z,customer,ok\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xE9; // Latin-1 é
        System.arraycopy(tail, 0, content, head.length + 1, tail.length);
        Files.write(file, content);
        assertEquals(List.of("1:a", "2:not_utf8", "3:c"), read(file));
    }

    @Test
    void aNameWithAColonIsRead() throws IOException {
        assertEquals(List.of("1:a"), read("export-2025-04-01T10:00:00.jsonl", ok("a") + "\n"));
    }

    private static String ok(String id) {
        return String.format(OK, id);
    }

    private List<String> read(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return read(file);
    }

    private List<String> read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        Configuration conf = new Configuration();
        new TranscriptFileReader(20_000, 2_000_000)
                .read(InputTree.hadoopPath(org.apache.hadoop.fs.FileSystem.getLocal(conf), file), conf)
                .forEachRemaining(r -> out.add(describe(r)));
        return out;
    }

    private static String describe(Row r) {
        Object code = r.get(TableSchemas.PARSED_RECORD.fieldIndex("error_code"));
        return r.get(TableSchemas.PARSED_RECORD.fieldIndex("record_no")) + ":"
                + (code != null ? code : r.get(TableSchemas.PARSED_RECORD.fieldIndex("conversation_id")));
    }
}
