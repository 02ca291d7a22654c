package org.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.csat.tables.Table;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from the sources: the packages form the pipeline's line and no
 * import runs from a lower layer to a higher one; every table is written only by the stage the
 * {@link Table} enum names, and the README's package map says the same.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/csat");

    /**
     * Lowest first. A package may import its own classes and those of packages of a lower rank;
     * packages of one rank do not import each other.
     */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("text", 0),
            Map.entry("config", 1),
            Map.entry("generate", 1),
            Map.entry("tables", 2),
            Map.entry("stage", 3),
            Map.entry("ingest", 4),
            Map.entry("nlp", 5),
            Map.entry("quality", 6),
            Map.entry("cohort", 7),
            Map.entry("report", 8),
            Map.entry("job", 9),
            Map.entry("evaluate", 10),
            Map.entry("bench", 10),
            Map.entry("cli", 11));

    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?org\\.csat\\.([a-z]+)\\.", Pattern.MULTILINE);

    /** Calls that write a table named by its constant: a Warehouse write, a merge's count, a retried commit. */
    private static final Pattern WRITE =
            Pattern.compile("(?:overwrite|append|rowsWrittenSince|retrying)\\(\\s*Table\\.([A-Z_]+)"
                    + "|new UpsertConversationRows\\([^;]*?Table\\.([A-Z_]+)");

    @Test
    void noPackageImportsALaterLayer() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            assertTrue(RANK.containsKey(pkg), "package " + pkg + " has no place in ArchitectureTest.RANK");
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(1);
                if (!imported.equals(pkg) && RANK.getOrDefault(imported, Integer.MAX_VALUE) >= RANK.get(pkg)) {
                    violations.add(MAIN.relativize(file) + " imports org.csat." + imported);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void ourClassesInCoreNlpsPackageUseNothingOfThePipeline() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/edu"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertTrue(!Files.readString(file).contains("import org.csat"), file + " imports the pipeline");
            }
        }
    }

    @Test
    void everyTableIsWrittenOnlyByItsStagesPackage() throws IOException {
        Map<Table, List<String>> writers = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file).replaceAll("\\s+", " ");
            Matcher m = WRITE.matcher(text);
            while (m.find()) {
                Table table = Table.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
                writers.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(MAIN.relativize(file).toString());
                if (!packageOf(file).equals(table.writerPackage())) {
                    violations.add(MAIN.relativize(file) + " writes " + table.tableName() + ", which belongs to "
                            + table.writerPackage() + "/" + table.writer());
                }
            }
        }
        assertEquals(List.of(), violations);
        for (Table table : Table.values()) {
            assertTrue(writers.containsKey(table), "no write of " + table.tableName() + " found in the sources");
            Path writer = MAIN.resolve(table.writerPackage()).resolve(table.writer() + ".java");
            assertTrue(Files.isRegularFile(writer), table.tableName() + "'s writer " + writer + " does not exist");
        }
    }

    @Test
    void theReadmesPackageMapNamesEachTablesWriter() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        Pattern row = Pattern.compile("^\\| `([a-z_]+)` \\| `([a-z]+)/([A-Za-z]+)`", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            rows.put(m.group(1), m.group(2) + "/" + m.group(3));
        }
        Map<String, String> declared = new TreeMap<>();
        for (Table table : Table.values()) {
            declared.put(table.tableName(), table.writerPackage() + "/" + table.writer());
        }
        assertEquals(declared, rows, "README: | `table` | `package/StageAction` | ... for every table");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }
}
