package org.csat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Row;

/**
 * JSON Lines: one record per line. Each line is checked for UTF-8 on its own (so one bad
 * line costs one record), a byte-order mark at the start of any line is dropped (files
 * concatenated with {@code cat}), blank lines are no records, and a line longer than
 * {@code ingest.max_record_chars} is quarantined with its start kept. A file with no
 * non-blank line at all yields one {@code empty_file} record.
 */
final class JsonLinesSource implements RecordSource {
    private final String file;
    private final ByteLineReader lines;
    private final JsonConversationParser parser;
    private final int maxRecordChars;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long lineNo;
    private boolean sawRecord;
    private boolean done;

    JsonLinesSource(String file, InputStream in, int maxMessageChars, int maxRecordChars) {
        this.file = file;
        this.lines = new ByteLineReader(in, maxRecordChars);
        this.parser = new JsonConversationParser(maxMessageChars);
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public Row next() throws IOException {
        for (ByteLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            lineNo++;
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(line.bytes())).toString();
            } catch (CharacterCodingException e) {
                sawRecord = true;
                return ParsedRecords.rejected(
                        file,
                        lineNo,
                        JsonConversationParser.FORMAT,
                        new String(line.bytes(), StandardCharsets.UTF_8),
                        null,
                        Reasons.NOT_UTF8,
                        "line is not valid UTF-8 text (was the file saved as Latin-1 or Windows-1252?)");
            }
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (line.tooLong()) {
                sawRecord = true;
                return ParsedRecords.rejected(
                        file,
                        lineNo,
                        JsonConversationParser.FORMAT,
                        text,
                        null,
                        Reasons.RECORD_TOO_LARGE,
                        "line is " + line.length() + " bytes long; the limit is " + maxRecordChars
                                + " (ingest.max_record_chars); its start is kept in raw");
            }
            if (text.isBlank()) {
                continue;
            }
            sawRecord = true;
            try {
                return parser.parse(file, lineNo, text);
            } catch (RuntimeException e) {
                return ParsedRecords.rejected(
                        file,
                        lineNo,
                        JsonConversationParser.FORMAT,
                        text,
                        null,
                        Reasons.BAD_JSON,
                        "line could not be read: " + e);
            }
        }
        if (!sawRecord && !done) {
            done = true;
            return ParsedRecords.rejected(
                    file,
                    0,
                    JsonConversationParser.FORMAT,
                    null,
                    null,
                    Reasons.EMPTY_FILE,
                    "file holds no records (" + lineNo + " blank lines); was the export cut off?");
        }
        return null;
    }

    @Override
    public long position() {
        return lineNo;
    }
}
