package org.csat.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** One output file of the input contract, written a conversation at a time. */
interface TranscriptSink extends Closeable {

    void write(Conversation conversation) throws IOException;

    /**
     * Opens {@code file} for {@code format}. Gzip uses {@link GZIPOutputStream}, whose
     * header carries no timestamp, so the same seed gives the same bytes.
     */
    static TranscriptSink open(Path file, OutputFormat format) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return switch (format) {
            case JSONL -> new JsonLinesSink(out);
            case JSONL_GZ -> new JsonLinesSink(new GZIPOutputStream(out, 1 << 16));
            case CSV -> new CsvMessageSink(out);
        };
    }
}
