package org.csat.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one day's drop ({@code --files-per-day}). The day's conversations, already
 * in start-time order, are cut into that many contiguous runs of near-equal size, so
 * each file is sorted and reading the files in name order gives the day in order. A day
 * with fewer conversations than files gets one file per conversation; no empty files.
 */
final class DayFiles implements Closeable {
    private final Path directory;
    private final OutputFormat format;
    private final int total;
    private final int fileCount;
    private int written;
    private int opened;
    private int nextBoundary;
    private TranscriptSink current;

    DayFiles(Path directory, OutputFormat format, int conversations, int filesPerDay) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.format = format;
        this.total = conversations;
        this.fileCount = Math.min(filesPerDay, conversations);
    }

    void write(Conversation conversation) throws IOException {
        if (current == null || written == nextBoundary) {
            if (current != null) {
                current.close();
            }
            current = TranscriptSink.open(directory.resolve(format.fileName(opened)), format);
            opened++;
            nextBoundary = (int) ((long) total * opened / fileCount);
        }
        current.write(conversation);
        written++;
    }

    int filesWritten() {
        return opened;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
