package org.csat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Decodes UTF-8 leniently, as a CSV parser needs a whole file's characters, yet remembers where
 * the bytes were not UTF-8: each malformed sequence becomes U+FFFD, and its character position
 * is kept until asked about. A U+FFFD that the file itself holds is a character like any other,
 * so only the positions tell a broken row from one quoting a replacement character.
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ArrayDeque<Long> malformed = new ArrayDeque<>();
    private long charsBefore;
    private boolean endOfInput;
    private boolean flushed;

    Utf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /**
     * Whether a malformed sequence was decoded at a character position in {@code [from, to)};
     * positions before {@code to} are forgotten, so ask in increasing order.
     */
    boolean malformedBetween(long from, long to) {
        boolean found = false;
        while (!malformed.isEmpty() && malformed.peekFirst() < to) {
            found |= malformed.pollFirst() >= from;
        }
        return found;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private void fill() throws IOException {
        charsBefore += chars.position();
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            if (!endOfInput) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            while (result.isError() && chars.hasRemaining()) {
                malformed.addLast(charsBefore + chars.position());
                chars.put('\uFFFD');
                bytes.position(bytes.position() + result.length());
                result = decoder.decode(bytes, chars, endOfInput);
            }
            if (endOfInput && result.isUnderflow() && !bytes.hasRemaining()) {
                decoder.flush(chars);
                flushed = true;
            }
        }
        chars.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
