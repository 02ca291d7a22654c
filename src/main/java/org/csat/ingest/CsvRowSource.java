package org.csat.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.spark.sql.Row;

/**
 * The message-per-row CSV contract, one record per row (RFC 4180: quoted fields may hold
 * delimiters, quotes and newlines). Header names are matched ignoring case; the delimiter is
 * the one of {@code , ; TAB |} that makes the header hold the required columns (European
 * spreadsheet exports use {@code ;}). A header without them quarantines every row, each
 * with its own raw text. Where the quoting breaks (an unclosed quote runs past
 * {@code ingest.max_record_chars}, or a stray quote), the file ends in one {@code bad_csv} or
 * {@code record_too_large} record.
 */
final class CsvRowSource implements RecordSource {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private final String file;
    private final CsvMessageParser parser;
    private final Utf8Reader utf8;
    private final BoundedReader reader;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final List<String> missing;
    private final int headerSize;
    private long rowNo;
    /** The record after the one being returned: where it starts is where the current one ends. */
    private CSVRecord ahead;
    /** A break met while reading ahead, thrown once the record before it is returned. */
    private IOException deferred;

    private boolean started;

    CsvRowSource(String file, InputStream in, String headerLine, int maxMessageChars, int maxRecordChars)
            throws IOException {
        this.file = file;
        this.parser = new CsvMessageParser(maxMessageChars);
        this.utf8 = new Utf8Reader(in);
        this.reader = new BoundedReader(utf8, maxRecordChars);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiterOf(headerLine))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
                .setIgnoreEmptyLines(true)
                .build();
        try {
            this.csv = CSVParser.parse(reader, format);
        } catch (CSVException | IllegalArgumentException | UncheckedIOException e) {
            throw new MalformedFileException(Reasons.BAD_CSV, "the CSV header cannot be read: " + e.getMessage(), e);
        }
        this.missing = CsvMessageParser.missingColumns(csv.getHeaderMap());
        this.headerSize = csv.getHeaderNames().size();
        this.records = csv.iterator();
    }

    /** The delimiter that makes {@code headerLine} hold the required columns; a comma when none does. */
    static char delimiterOf(String headerLine) {
        for (char delimiter : DELIMITERS) {
            List<String> names = java.util.Arrays.stream(
                            headerLine.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1))
                    .map(n -> n.strip().replace("\"", "").toLowerCase(java.util.Locale.ROOT))
                    .toList();
            if (names.containsAll(CsvMessageParser.REQUIRED)) {
                return delimiter;
            }
        }
        return ',';
    }

    @Override
    public Row next() throws IOException {
        if (!started) {
            started = true;
            ahead = fetch();
        }
        if (ahead == null) {
            if (deferred != null) {
                IOException broken = deferred;
                deferred = null;
                throw broken;
            }
            return null;
        }
        CSVRecord record = ahead;
        try {
            ahead = fetch();
        } catch (IOException e) {
            ahead = null;
            deferred = e;
        }
        long end = ahead == null ? Long.MAX_VALUE : ahead.getCharacterPosition();
        boolean notUtf8 = utf8.malformedBetween(record.getCharacterPosition(), end);
        rowNo++;
        String raw = toCsvLine(record);
        if (!missing.isEmpty()) {
            return ParsedRecords.rejected(
                    file,
                    rowNo,
                    CsvMessageParser.FORMAT,
                    raw,
                    null,
                    Reasons.CSV_MISSING_COLUMNS,
                    "the CSV header " + csv.getHeaderNames() + " lacks required column(s) " + missing);
        }
        return parser.parse(file, rowNo, record, raw, headerSize, notUtf8);
    }

    /** The next CSV record, or null at the end of the file; a quoting break becomes a {@link MalformedFileException}. */
    private CSVRecord fetch() throws IOException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CSVException || !(cause instanceof IOException)) {
                throw new MalformedFileException(
                        Reasons.BAD_CSV,
                        "the CSV breaks after row " + (rowNo + (ahead == null ? 0 : 1)) + ": "
                                + Timestamps.abbreviate(String.valueOf(cause.getMessage())),
                        cause);
            }
            throw (IOException) cause;
        }
        reader.recordEnded();
        return record;
    }

    @Override
    public long position() {
        return rowNo;
    }

    private static String toCsvLine(CSVRecord record) throws IOException {
        StringWriter line = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                line, CSVFormat.RFC4180.builder().setRecordSeparator("").build())) {
            printer.printRecord(record.values());
        }
        return line.toString();
    }

    /**
     * Fails once more than the record limit (plus the parser's read-ahead) is read without a
     * record ending, so an unclosed quote cannot pull the rest of a huge file into memory.
     */
    private static final class BoundedReader extends FilterReader {
        private static final int READ_AHEAD = 1 << 16;
        private final long limit;
        private long sinceRecord;

        BoundedReader(Reader in, int maxRecordChars) {
            super(in);
            this.limit = (long) maxRecordChars + READ_AHEAD;
        }

        void recordEnded() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int chars) throws RecordTooLargeException {
            sinceRecord += chars;
            if (sinceRecord > limit) {
                throw new RecordTooLargeException("a CSV record runs past " + (limit - READ_AHEAD)
                        + " characters (ingest.max_record_chars): an unclosed quote?");
            }
        }
    }
}
