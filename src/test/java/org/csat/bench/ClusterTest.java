package org.csat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.csat.tables.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real Spark standalone cluster ({@code bench/cluster}: a Master and two Workers on
 * 127.0.0.1, the cluster jar submitted with SparkSubmit): in client deploy mode with only Spark's
 * jars on the cluster, and in cluster deploy mode with CoreNLP, its models and dependencies also
 * on the drivers' and executors' class path. Each run's tables, read by name from the cluster's
 * catalog in a new session, must equal a local run's row for row; executors with CoreNLP of their
 * own fall back to CoreNLP's chart loop (and say so) instead of failing. One night of
 * sample-data/ (2024-03-01, 21 conversations) keeps it to a few minutes. The README's
 * spark-submit line is the one this test submits. Ports 47300-47349. A failed run's logs (the
 * cluster's, the drivers', the executors') stay in its temporary directory.
 */
class ClusterTest {
    private static final long MINUTES = 40;

    @Test
    void theJobOnAStandaloneClusterEqualsALocalRunInBothDeployModes(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path temp) throws Exception {
        Path out = temp.resolve("cluster");
        Path log = temp.resolve("cluster.log");
        Process script = new ProcessBuilder(
                        "bench/cluster", "--out", out.toString(), "--port-base", "47300", "--date", "2024-03-01")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = script.waitFor(MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            script.destroy(); // bench/cluster stops what it started on TERM
            if (!script.waitFor(60, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        }
        // every JVM of the cluster (daemons, drivers, executors) names the run's directory
        List<ProcessHandle> leftOver = runningUnder(out);
        leftOver.forEach(ProcessHandle::destroyForcibly);
        String output = Files.readString(log);
        System.out.println(output);
        assertTrue(ended, "bench/cluster did not end within " + MINUTES + " minutes");
        assertEquals(0, script.exitValue(), output);
        assertEquals(List.of(), leftOver, "bench/cluster left processes running");

        for (String run : List.of("client-spark", "cluster-corenlp")) {
            assertTrue(
                    Pattern.compile("cluster: " + run + ": run \\S+ succeeded;.*records read 21 = accepted 21")
                            .matcher(output)
                            .find(),
                    run + " ran the night");
            for (Table table : Table.values()) {
                if (table != Table.PIPELINE_RUNS) {
                    assertTrue(
                            Pattern.compile("(?m)^  csat\\." + table.tableName() + ": equal \\(\\d+ rows\\)$")
                                    .matcher(section(output, run))
                                    .find(),
                            run + ": " + table.tableName() + " equals the local run's");
                }
            }
        }
        assertTrue(
                Pattern.compile(
                                "client-spark: executors with the sparse chart loop: [1-9]\\d*; falling back to CoreNLP's"
                                        + " \\(class loaders split\\): 0")
                        .matcher(output)
                        .find(),
                "only Spark on the cluster: the sparse chart loop");
        assertTrue(
                Pattern.compile("cluster-corenlp: executors with the sparse chart loop: 0; falling back to CoreNLP's"
                                + " \\(class loaders split\\): [1-9]")
                        .matcher(output)
                        .find(),
                "CoreNLP on the cluster's class path: CoreNLP's loop, with the reason logged");
        assertEquals(
                submitLine(Files.readString(out.resolve("cluster-corenlp/submit.txt"))),
                submitLine(readmeSubmitLine()),
                "README's spark-submit line is the one the test runs");
        assertEquals(
                Set.of("joda-time-2.14.0.jar"),
                jarsSharingClassesWith(jar(), out.resolve("spark.classpath")),
                "the cluster jar shares no class with Spark's own jars (its protobuf and XML stack are renamed),"
                        + " but JodaTime at the very version Spark carries");
    }

    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-cluster.jar"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The jars of {@code classpath} that hold a class (outside META-INF) the cluster jar also holds. */
    private static Set<String> jarsSharingClassesWith(Path clusterJar, Path classpath) throws IOException {
        Set<String> ours = classes(clusterJar);
        Set<String> sharing = new TreeSet<>();
        for (String jar : Files.readString(classpath).strip().split(":")) {
            if (classes(Path.of(jar)).stream().anyMatch(ours::contains)) {
                sharing.add(Path.of(jar).getFileName().toString());
            }
        }
        return sharing;
    }

    private static Set<String> classes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .collect(Collectors.toSet());
        }
    }

    /** The processes whose command line names {@code dir}. */
    private static List<ProcessHandle> runningUnder(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(dir.toString()))
                        .orElse(false))
                .toList();
    }

    /** The lines of {@code output} about one run: its own, and the indented ones under them. */
    private static String section(String output, String run) {
        StringBuilder lines = new StringBuilder();
        boolean in = false;
        for (String line : output.split("\n")) {
            if (line.startsWith("cluster: ")) {
                in = line.startsWith("cluster: " + run + ":") || line.startsWith("cluster: " + run + " ");
            }
            if (in) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }

    /** The README's standalone cluster-mode submission, backslash continuations joined. */
    private static String readmeSubmitLine() throws IOException {
        Matcher blocks =
                Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        while (blocks.find()) {
            String block = blocks.group(1).replace("\\\n", " ");
            for (String line : block.split("\n")) {
                if (line.startsWith("spark-submit --master spark://") && line.contains("--deploy-mode cluster")) {
                    return line;
                }
            }
        }
        throw new AssertionError("README.md shows no spark-submit line for a standalone cluster");
    }

    /**
     * A spark-submit line's words (a quoted value's quotes left out), where the values of the
     * cluster's address, the paths and the night stand as placeholders (the test's are its own)
     * and the jar is its file name.
     */
    private static List<String> submitLine(String line) {
        Set<String> siteValues = Set.of("--master", "--input", "--warehouse", "--date");
        List<String> words =
                new ArrayList<>(Arrays.asList(line.replace("\"", "").strip().split("\\s+")));
        for (int i = 1; i < words.size(); i++) {
            if (siteValues.contains(words.get(i - 1))) {
                words.set(i, "<" + words.get(i - 1).substring(2) + ">");
            } else if (words.get(i).endsWith("-cluster.jar")) {
                words.set(i, Path.of(words.get(i)).getFileName().toString());
            }
        }
        return words;
    }
}
