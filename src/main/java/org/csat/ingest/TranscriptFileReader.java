package org.csat.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * Reads one input file inside a Spark task and returns one parsed record per JSON line or
 * CSV row, each either accepted or rejected with a reason. Problems with the file itself
 * (not a transcript format, binary, cut short, unreadable) become one rejected record with
 * record number 0 (or, for a cut-short file, the number after the last record read), so
 * everything read is accounted for and the task never fails on bad data.
 */
final class TranscriptFileReader implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int SNIFF_BYTES = 8192;

    private final int maxMessageChars;
    private final int maxRecordChars;

    TranscriptFileReader(int maxMessageChars, int maxRecordChars) {
        this.maxMessageChars = maxMessageChars;
        this.maxRecordChars = maxRecordChars;
    }

    /** The format a file name implies, or null for a file that is not ours. */
    static String formatOf(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".json") || name.endsWith(".json.gz")) {
            return JsonConversationParser.FORMAT;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return CsvMessageParser.FORMAT;
        }
        return null;
    }

    List<Row> read(String file, Configuration hadoopConf) {
        String format = formatOf(file);
        if (format == null) {
            return List.of(ParsedRecords.rejected(file, 0, null, null, null, Reasons.UNSUPPORTED_FILE,
                    "not a transcript file: expected .jsonl, .jsonl.gz, .csv or .csv.gz"));
        }
        List<Row> out = new ArrayList<>();
        Path path = new Path(file);
        try (InputStream raw = path.getFileSystem(hadoopConf).open(path);
             InputStream in = open(file, raw)) {
            if (looksBinary(in)) {
                out.add(ParsedRecords.rejected(file, 0, format, null, null, Reasons.BINARY_FILE,
                        "file holds binary data, not UTF-8 text"));
                return out;
            }
            if (JsonConversationParser.FORMAT.equals(format)) {
                readJsonLines(file, in, out);
            } else {
                readCsv(file, in, out);
            }
        } catch (EOFException | ZipException e) {
            out.add(ParsedRecords.rejected(file, out.size() + 1L, format, null, null, Reasons.TRUNCATED_FILE,
                    "file is cut short or corrupt (" + e.getMessage() + "); the " + out.size()
                            + " records before the break were read"));
        } catch (IOException | RuntimeException e) {
            out.add(ParsedRecords.rejected(file, out.size() + 1L, format, null, null, Reasons.UNREADABLE_FILE,
                    "file could not be read after " + out.size() + " records: " + e));
        }
        return out;
    }

    private static InputStream open(String file, InputStream raw) throws IOException {
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        return file.toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered;
    }

    private static boolean looksBinary(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private void readJsonLines(String file, InputStream in, List<Row> out) throws IOException {
        JsonConversationParser parser = new JsonConversationParser(maxMessageChars);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteLineReader lines = new ByteLineReader(in, maxRecordChars);
        long lineNo = 0;
        for (ByteLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            lineNo++;
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(line.bytes())).toString();
            } catch (CharacterCodingException e) {
                out.add(ParsedRecords.rejected(file, lineNo, JsonConversationParser.FORMAT,
                        new String(line.bytes(), StandardCharsets.UTF_8), null, Reasons.NOT_UTF8,
                        "line is not valid UTF-8 text"));
                continue;
            }
            if (line.tooLong()) {
                out.add(ParsedRecords.rejected(file, lineNo, JsonConversationParser.FORMAT, text, null,
                        Reasons.RECORD_TOO_LARGE, "line is " + line.length() + " bytes long; the limit is "
                                + maxRecordChars + " (ingest.max_record_chars); its start is kept in raw"));
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            out.add(parser.parse(file, lineNo, text));
        }
    }

    private void readCsv(String file, InputStream in, List<Row> out) throws IOException {
        CsvMessageParser parser = new CsvMessageParser(maxMessageChars);
        CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        skipBom(in);
        Reader reader = new InputStreamReader(in, lenient);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).build();
        try (CSVParser csv = CSVParser.parse(reader, format)) {
            List<String> missing = CsvMessageParser.missingColumns(csv.getHeaderMap());
            if (!missing.isEmpty()) {
                out.add(ParsedRecords.rejected(file, 0, CsvMessageParser.FORMAT, String.join(",", csv.getHeaderNames()),
                        null, Reasons.CSV_MISSING_COLUMNS, "CSV header lacks required column(s) " + missing));
                return;
            }
            int headerSize = csv.getHeaderNames().size();
            Iterator<CSVRecord> records = csv.iterator();
            long rowNo = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowNo++;
                out.add(parser.parse(file, rowNo, record, toCsvLine(record), headerSize));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            Throwable cause = e.getCause() instanceof IOException io ? io : e;
            if (cause instanceof EOFException || cause instanceof ZipException) {
                throw (IOException) cause;
            }
            throw new IOException("CSV parse error: " + e.getMessage(), e);
        }
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    private static String toCsvLine(CSVRecord record) throws IOException {
        StringWriter line = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.RFC4180.builder().setRecordSeparator("").build())) {
            printer.printRecord(record.values());
        }
        return line.toString();
    }
}
