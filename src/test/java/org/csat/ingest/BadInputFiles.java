package org.csat.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the bad inputs that are binary, huge or byte-exact (and so do not belong in
 * src/test/resources): invalid UTF-8, a BOM with CRLF, UTF-16, gzip cut short, a 1 MB
 * message, a line past the record limit, a binary file, empty files, mislabelled
 * compression, an empty directory.
 */
final class BadInputFiles {
    static final String START = "\"started_at\":\"2024-05-01T10:00:00Z\"";

    private BadInputFiles() {}

    static String conversation(String id, String text) {
        return "{\"conversation_id\":\"" + id + "\"," + START + ",\"messages\":[{\"ts\":\"2024-05-01T10:00:00Z\","
                + "\"role\":\"customer\",\"text\":\"" + text + "\"}]}";
    }

    static void writeAll(Path night) throws IOException {
        bytes(
                night.resolve("invalid-utf8.jsonl"),
                utf8(conversation("b-utf8-ok", "fine") + "\n"),
                spliced(conversation("b-utf8-broken", "bad @") + "\n", (byte) 0xC3, (byte) 0x28),
                spliced(conversation("b-latin1", "caf@") + "\n", (byte) 0xE9));
        bytes(
                night.resolve("invalid-utf8.csv"),
                utf8("conversation_id,started_at,ts,role,text\n"
                        + "b-csv-utf8-ok,2024-05-01T10:00:00Z,2024-05-01T10:00:00Z,customer,fine\n"
                        + "b-csv-latin1,2024-05-01T10:00:00Z,2024-05-01T10:00:00Z,customer,caf"),
                new byte[] {(byte) 0xE9},
                utf8("\n"));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        bytes(
                night.resolve("bom-crlf.jsonl"),
                bom,
                utf8(conversation("b-bom-1", "first line") + "\r\n" + conversation("b-bom-2", "second line") + "\r\n"));
        bytes(
                night.resolve("bom-crlf.csv"),
                bom,
                utf8("conversation_id,started_at,ts,role,text\r\n"
                        + "b-csv-bom,2024-05-01T10:00:00Z,2024-05-01T10:00:00Z,customer,hello\r\n"
                        + "b-csv-bom,2024-05-01T10:00:00Z,2024-05-01T10:00:05Z,bot,hi there\r\n"));
        bytes(
                night.resolve("utf16.jsonl"),
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                (conversation("b-utf16", "Grüße aus Köln") + "\r\n").getBytes(StandardCharsets.UTF_16LE));
        cutGzip(
                night.resolve("cut.jsonl.gz"),
                conversation("b-cut-1", "one") + "\n" + conversation("b-cut-2", "two") + "\n",
                conversation("b-cut-3", "three, cut off") + "\n");
        cutGzip(
                night.resolve("cut.csv.gz"),
                "conversation_id,started_at,ts,role,text\n"
                        + "b-csv-cut-1,2024-05-01T10:00:00Z,2024-05-01T10:00:00Z,customer,hello\n"
                        + "b-csv-cut-2,2024-05-01T10:00:00Z,2024-05-01T10:00:00Z,customer,hi\n",
                "b-csv-cut-1,2024-05-01T10:00:00Z,2024-05-01T10:00:05Z,bot,this row is cut off\n");
        bytes(night.resolve("huge-message.jsonl"), utf8(conversation("b-huge-message", "a".repeat(1_000_000)) + "\n"));
        bytes(
                night.resolve("huge-line.jsonl"),
                utf8(conversation("b-huge-ok", "fine") + "\n" + conversation("b-huge-line", "b".repeat(2_100_000))
                        + "\n"));
        byte[] png = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D}, 0, png, 0, 12);
        bytes(night.resolve("binary.jsonl"), png);
        bytes(night.resolve("photo.png"), png);
        bytes(night.resolve("empty.jsonl"));
        bytes(night.resolve("blank.csv"), utf8("\n   \n"));
        bytes(
                night.resolve("gzip-named-plain.jsonl.gz"),
                utf8(conversation("b-plain-named-gz", "not compressed") + "\n"));
        bytes(night.resolve("plain-named-gzip.jsonl"), gzip(conversation("b-gzip-named-plain", "compressed") + "\n"));
        Files.createDirectories(night.resolve("empty-directory"));
    }

    /** {@code text} in UTF-8 with its one {@code @} replaced by raw bytes. */
    private static byte[] spliced(String text, byte... raw) {
        int at = text.indexOf('@');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(text.substring(0, at)));
        out.writeBytes(raw);
        out.writeBytes(utf8(text.substring(at + 1)));
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void bytes(Path file, byte[]... parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(utf8(text));
        }
        return buffer.toByteArray();
    }

    /** {@code whole} flushed (decodable), then {@code cut} of which only the first 6 compressed bytes are kept. */
    static void cutGzip(Path file, String whole, String cut) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        GZIPOutputStream gz = new GZIPOutputStream(buffer, true);
        gz.write(utf8(whole));
        gz.flush();
        int flushed = buffer.size();
        gz.write(utf8(cut));
        gz.finish();
        byte[] all = buffer.toByteArray();
        bytes(file, Arrays.copyOf(all, flushed + 6));
    }
}
