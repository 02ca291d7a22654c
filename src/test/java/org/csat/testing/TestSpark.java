package org.csat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.stage.SparkSessions;

/**
 * The one SparkSession of the test JVM: local[2], UI off, bound to 127.0.0.1, two shuffle
 * partitions, Delta enabled, and a Hive metastore as bin/csat has one, kept in a temporary
 * directory of its own (removed when the JVM exits, so no Derby files land in the project).
 * Built on first use and stopped when the JVM exits, so every test class shares it (and the
 * CoreNLP models loaded in it).
 */
public final class TestSpark {
    private static SparkSession spark;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (spark == null) {
            PipelineConfig config = testConfig();
            Path catalog;
            try {
                catalog = Files.createTempDirectory("csat-test-catalog");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            spark = SparkSessions.create("csat-tests", config, catalog);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                spark.stop();
                deleteTree(catalog);
            }));
        }
        return spark;
    }

    public static PipelineConfig testConfig() {
        return PipelineConfig.defaults().with("spark.master", "local[2]").with("spark.sql.shuffle.partitions", "2");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not remove the test catalog " + dir + ": " + e);
        }
    }

    /** Copies a fixture directory from the test resources into {@code target}. */
    public static Path copyFixture(String resourceDir, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(
                    TestSpark.class.getClassLoader().getResource(resourceDir).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IOException("no test resource " + resourceDir, e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** Replaces {@code file} by {@code file.gz}, gzip-compressed. */
    public static Path gzip(Path file) throws IOException {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            in.transferTo(out);
        }
        Files.delete(file);
        return gz;
    }

    /** Rows as sorted strings, to compare tables ignoring order but not multiplicity. */
    public static List<String> sortedRows(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        out.sort(null);
        return out;
    }
}
