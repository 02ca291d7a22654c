package org.csat.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Splits a byte stream into lines ending in {@code \n}, {@code \r\n} or a lone {@code \r}
 * (old Mac exports and some spreadsheets end lines with CR alone), dropping a UTF-8 byte-order
 * mark at the start. Works on bytes so that invalid UTF-8 is caught
 * per line, not per file, and a line longer than {@code maxBytes} is skipped to its end with
 * only its first bytes kept.
 */
final class ByteLineReader {
    private static final int KEEP_OF_LONG_LINE = 4096;

    /** One line: its bytes (or first bytes, when too long) and its full length. */
    record Line(byte[] bytes, long length, boolean tooLong) {}

    private final PushbackInputStream in;
    private final long maxBytes;
    private boolean first = true;

    ByteLineReader(InputStream in, long maxBytes) {
        this.in = new PushbackInputStream(in, 1);
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        long length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n' && b != '\r') {
            if (length < maxBytes) {
                buffer.write(b);
            }
            length++;
            b = in.read();
        }
        if (b == '\r') {
            int next = in.read();
            if (next >= 0 && next != '\n') {
                in.unread(next);
            }
        }
        byte[] bytes = buffer.toByteArray();
        boolean tooLong = length > maxBytes;
        if (first) {
            first = false;
            if (bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF
                    && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF) {
                bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
                length -= 3;
            }
        }
        if (tooLong) {
            bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(bytes.length, KEEP_OF_LONG_LINE));
        }
        return new Line(bytes, length, tooLong);
    }
}
