package org.csat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes a text stream in another charset (UTF-16, as Windows tools write "Unicode"
 * text) to UTF-8 bytes on the fly, so the readers downstream see the one encoding of the
 * contract. Unpaired surrogates become U+FFFD.
 */
final class Utf8Transcoder extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
    private boolean endOfInput;

    Utf8Transcoder(InputStream in, Charset from) {
        this.reader = new InputStreamReader(
                in,
                from.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (endOfInput && !chars.hasRemaining()) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(target, offset, n);
        return n;
    }

    private void fill() throws IOException {
        chars.compact();
        int read = endOfInput ? -1 : reader.read(chars);
        if (read < 0) {
            endOfInput = true;
        }
        chars.flip();
        bytes.clear();
        CoderResult result = encoder.encode(chars, bytes, endOfInput);
        if (result.isError()) {
            result.throwException();
        }
        if (endOfInput && !chars.hasRemaining()) {
            encoder.flush(bytes);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
