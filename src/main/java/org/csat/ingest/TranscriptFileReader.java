package org.csat.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * Reads one input file inside a Spark task as a lazy stream of parsed records, one per JSON
 * line, JSON document element or CSV row, each accepted or rejected with a reason. The name
 * says the format ({@code .jsonl .ndjson .json .csv}, each optionally {@code .gz}); the bytes
 * say the rest: gzip is recognised by its magic number whatever the name, UTF-16 text (a
 * byte-order mark, or every other byte zero) is re-encoded to UTF-8, a UTF-8 byte-order mark
 * is skipped, and a file whose first line is a lone {@code [} or {@code {} (or a {@code .json}
 * file opening with {@code [}) is read as a JSON document instead of JSON Lines. Problems with the file as a whole become one rejected
 * record: not ours (record 0), binary, empty, unreadable, or broken off part-way (numbered
 * after the last record read, so everything before the break is kept). An I/O error in the
 * middle of a readable file is not data: it fails the task, and Spark retries it.
 */
final class TranscriptFileReader implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int SNIFF_BYTES = 8192;
    /** source_format of a file that is not ours. */
    static final String UNKNOWN_FORMAT = "unknown";

    private final int maxMessageChars;
    private final int maxRecordChars;

    TranscriptFileReader(int maxMessageChars, int maxRecordChars) {
        this.maxMessageChars = maxMessageChars;
        this.maxRecordChars = maxRecordChars;
    }

    /** The format a file name implies, or null for a file that is not ours. */
    static String formatOf(String path) {
        String name = path.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JsonConversationParser.FORMAT;
        }
        if (name.endsWith(".csv")) {
            return CsvMessageParser.FORMAT;
        }
        return null;
    }

    Iterator<Row> read(String file, Configuration hadoopConf) {
        return new FileRecords(file, hadoopConf);
    }

    /** The records of one file; opens it on first use and closes it at the end or when the task ends. */
    private final class FileRecords implements Iterator<Row> {
        private final String file;
        private final String format;
        private final Configuration hadoopConf;
        private InputStream stream;
        private RecordSource source;
        private boolean opened;
        private boolean finished;
        private Row pending;

        FileRecords(String file, Configuration hadoopConf) {
            this.file = file;
            this.format = formatOf(file);
            this.hadoopConf = hadoopConf;
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !finished) {
                advance();
            }
            return pending != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = pending;
            pending = null;
            return row;
        }

        private void advance() {
            try {
                if (!opened) {
                    opened = true;
                    pending = open();
                    if (pending != null) {
                        finish();
                        return;
                    }
                }
                pending = source.next();
                if (pending == null) {
                    finish();
                }
            } catch (EOFException | ZipException e) {
                pending = broken(
                        Reasons.TRUNCATED_FILE,
                        "file is cut short or its compression is corrupt (" + e.getMessage()
                                + "); the records before the break were read");
            } catch (RecordTooLargeException e) {
                pending = broken(Reasons.RECORD_TOO_LARGE, e.getMessage() + "; the records before it were read");
            } catch (MalformedFileException e) {
                pending = broken(e.reason(), e.getMessage() + "; the records before it were read");
            } catch (IOException e) {
                finish();
                throw new UncheckedIOException("reading " + file + " failed after record " + position(), e);
            }
        }

        private Row broken(Reasons reason, String message) {
            long recordNo = position() + 1;
            finish();
            return ParsedRecords.rejected(file, recordNo, format, null, null, reason, message);
        }

        private long position() {
            return source == null ? 0 : source.position();
        }

        /** Opens and sniffs the file: a rejected record for a file that yields no records, else null with {@code source} set. */
        private Row open() throws IOException {
            if (format == null) {
                return ParsedRecords.rejected(
                        file,
                        0,
                        UNKNOWN_FORMAT,
                        null,
                        null,
                        Reasons.UNSUPPORTED_FILE,
                        "not a transcript file: expected .jsonl, .ndjson, .json or .csv, optionally .gz");
            }
            try {
                stream = openRaw(file, hadoopConf);
            } catch (IOException | RuntimeException e) {
                return ParsedRecords.rejected(
                        file, 0, format, null, null, Reasons.UNREADABLE_FILE, cannotOpen(file, e));
            }
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> finish());
            }
            InputStream in = new BufferedInputStream(stream, 1 << 16);
            byte[] head = peek(in, 2);
            if (head.length == 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
                in = new BufferedInputStream(new NoReadAhead(new GZIPInputStream(in, 1 << 16)), 1 << 16);
            }
            Charset wide = utf16(peek(in, SNIFF_BYTES));
            if (wide != null) {
                in = new BufferedInputStream(new Utf8Transcoder(in, wide), 1 << 16);
            }
            head = peek(in, SNIFF_BYTES);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                in.skipNBytes(3);
                head = peek(in, SNIFF_BYTES);
            }
            String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
            if (head.length < SNIFF_BYTES && text.isBlank()) {
                return ParsedRecords.rejected(
                        file,
                        0,
                        format,
                        null,
                        null,
                        Reasons.EMPTY_FILE,
                        "file is empty (" + head.length + " bytes" + (head.length > 0 ? " of white space" : "")
                                + "); was the export cut off?");
            }
            for (byte b : head) {
                if (b == 0) {
                    return ParsedRecords.rejected(
                            file,
                            0,
                            format,
                            null,
                            null,
                            Reasons.BINARY_FILE,
                            "file holds binary data (NUL bytes), not UTF-8 or UTF-16 text");
                }
            }
            String start = text.stripLeading();
            String firstLine = start.lines().findFirst().orElse("").strip();
            if (CsvMessageParser.FORMAT.equals(format)) {
                source = new CsvRowSource(file, in, firstLine, maxMessageChars, maxRecordChars);
            } else if (firstLine.equals("[")
                    || firstLine.equals("{")
                    || firstLine.equals("[{")
                    || (file.toLowerCase(Locale.ROOT).matches(".*\\.json(\\.gz)?") && start.startsWith("["))) {
                source = new JsonDocumentSource(file, in, maxMessageChars);
            } else {
                source = new JsonLinesSource(file, in, maxMessageChars, maxRecordChars);
            }
            return null;
        }

        private void finish() {
            finished = true;
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // the records are read; a failed close leaks nothing we still need
                }
                stream = null;
            }
        }
    }

    /**
     * Opens an input file for reading. On the local file system the raw one is used: exports carry
     * no {@code .crc} checksum files, and the checksummed one builds the name of that companion
     * through a URI, which fails on a name with a colon (an exporter's timestamp,
     * {@code export-2025-04-01T10:00:00.jsonl}).
     */
    private static InputStream openRaw(String file, Configuration hadoopConf) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(hadoopConf);
        if (fs instanceof ChecksumFileSystem checksummed) {
            fs = checksummed.getRawFileSystem();
        }
        return fs.open(path);
    }

    /** Why a file cannot be opened, and what to do about it. */
    private static String cannotOpen(String file, Exception e) {
        String because = e instanceof java.io.FileNotFoundException || e instanceof java.nio.file.NoSuchFileException
                ? "it is gone"
                : e instanceof org.apache.hadoop.security.AccessControlException
                                || e instanceof java.nio.file.AccessDeniedException
                                || String.valueOf(e.getMessage()).contains("ermission denied")
                        ? "permission denied"
                        : String.valueOf(e.getMessage());
        String hint = "fix access and re-run";
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!encoding.equalsIgnoreCase("UTF-8") && file.chars().anyMatch(c -> c >= 128)) {
            hint = "the JVM reads file names as " + encoding + ", so this non-ASCII name cannot be opened; run with"
                    + " LC_ALL=C.UTF-8 (or another UTF-8 locale) and re-run";
        }
        return "file cannot be opened (" + Timestamps.abbreviate(because) + "); " + hint;
    }

    /**
     * Reports nothing available, so a buffered reader above returns the bytes it has instead of
     * reading on into a cut-short gzip stream, whose exception would lose them.
     */
    private static final class NoReadAhead extends java.io.FilterInputStream {
        NoReadAhead(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }
    }

    /** Up to {@code bytes} bytes from the start of the stream, left unread; a stream cut short yields what it has. */
    private static byte[] peek(InputStream in, int bytes) throws IOException {
        in.mark(bytes);
        byte[] head = new byte[bytes];
        int n = 0;
        try {
            for (int b = in.read(); b >= 0; b = n < bytes ? in.read() : -1) {
                head[n++] = (byte) b;
            }
        } catch (EOFException | ZipException e) {
            // a cut-short file: sniff what there is; reading it for real meets the break again, at its record
        }
        in.reset();
        return java.util.Arrays.copyOf(head, n);
    }

    /** UTF-16 by byte-order mark, or by zero bytes at every other position (BOM-less "Unicode" text); else null. */
    static Charset utf16(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16;
        }
        int pairs = head.length / 2;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        if (pairs >= 8 && oddZeros > pairs * 0.6 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (pairs >= 8 && evenZeros > pairs * 0.6 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
