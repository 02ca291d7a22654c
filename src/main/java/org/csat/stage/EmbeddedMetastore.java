package org.csat.stage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.spark.sql.SparkSession;

/**
 * The catalog of bin/csat's embedded runs: Spark's Hive support with its embedded Derby
 * metastore in one directory ({@code <warehouse>/_metastore}: the Derby database, its log,
 * Hive's scratch space, and the databases' own directories, where tables created without a
 * location would go), so the tables' names survive from one command to the next and move
 * with the warehouse. Derby lets one process at a time open a database; {@link #isOpenElsewhere}
 * tells beforehand, from the lock Derby holds on {@code dbex.lck} while it has the database open.
 */
final class EmbeddedMetastore {
    /** The directory inside the warehouse; a leading underscore keeps Spark and Delta from reading it as data. */
    static final String DIRECTORY = "_metastore";

    private final Path dir;

    /** @param dir the metastore's directory, created when missing */
    EmbeddedMetastore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    private Path database() {
        return dir.resolve("derby");
    }

    /**
     * Whether another process has the metastore open now. Within this process Derby's lock
     * shows as an overlapping lock, which is not another process.
     */
    boolean isOpenElsewhere() {
        Path lockFile = database().resolve("dbex.lck");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameProcess) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot check the metastore's lock " + lockFile, e);
        }
    }

    /** {@code builder} with Hive support on this metastore. */
    SparkSession.Builder configure(SparkSession.Builder builder) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the metastore directory " + dir, e);
        }
        // Derby reads its log's place from a system property, once per JVM, when it boots.
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        return builder.enableHiveSupport()
                .config(
                        "spark.sql.warehouse.dir",
                        dir.resolve("managed").toUri().toString())
                .config(
                        "spark.hadoop.javax.jdo.option.ConnectionURL",
                        "jdbc:derby:;databaseName=" + database() + ";create=true")
                // Hive's per-session scratch space, by default new directories under /tmp on every call.
                .config(
                        "spark.hadoop.hive.downloaded.resources.dir",
                        dir.resolve("resources").toString())
                .config(
                        "spark.hadoop.hive.exec.local.scratchdir",
                        dir.resolve("scratch").toString())
                .config(
                        "spark.hadoop.hive.exec.scratchdir",
                        dir.resolve("scratch").toString());
    }
}
