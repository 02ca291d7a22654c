package org.csat.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time on a warehouse that lives on the local file system: an operating-system
 * lock on {@code <warehouse>/_csat_run.lock}, held for the whole run. A second run gives way at
 * once with a {@link ConcurrentRunException} naming the holder; the operating system releases
 * the lock when the holding process ends, however it ends, so a killed run leaves no stale
 * lock. Needed because Delta's log store for local paths checks for and renames a commit file
 * in two steps, which is safe only among writers in one JVM. On HDFS, S3, ABFS or GCS nothing
 * is locked here: Delta's log stores make commits atomic across drivers there (S3 with its
 * DynamoDB log store), and {@link ConcurrentWrites} handles the conflicts.
 */
public final class WarehouseLock implements AutoCloseable {
    static final String FILE_NAME = "_csat_run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws ConcurrentRunException when another run holds the warehouse */
    public static WarehouseLock acquire(Warehouse warehouse, String runId) {
        Path root = new Path(warehouse.root());
        if (!"file".equals(root.toUri().getScheme())) {
            return new WarehouseLock(null, null);
        }
        java.nio.file.Path file = Paths.get(root.toUri()).resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new ConcurrentRunException("another run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + " is writing to the warehouse " + warehouse.root() + "; re-run later");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(
                    (runId + ", process " + ManagementFactory.getRuntimeMXBean().getName())
                            .getBytes(StandardCharsets.UTF_8)));
            return new WarehouseLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the warehouse " + warehouse.root() + " (" + file + ")", e);
        }
    }

    @Override
    public void close() {
        if (lock != null) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock; the process ending would too
        }
    }
}
