package org.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.csat.tables.Table;
import org.junit.jupiter.api.Test;

/**
 * The data dictionary, docs/tables.md, describes every column of every table, and nothing that
 * is not there: each table has a {@code ## <table>} section whose {@code | column | type |
 * meaning |} rows name each column of its declared schema (several columns may share a row,
 * comma-separated). A column added to a schema without a line in the dictionary fails here.
 */
class DataDictionaryTest {
    @Test
    void everyColumnOfEveryTableIsDescribedAndNoOtherIs() throws IOException {
        Map<String, Set<String>> documented = documentedColumns(Files.readString(Path.of("docs/tables.md")));
        Map<String, List<String>> undocumented = new TreeMap<>();
        Map<String, List<String>> stale = new TreeMap<>();
        for (Table table : Table.values()) {
            Set<String> declared = new TreeSet<>(List.of(table.schema().fieldNames()));
            Set<String> described = documented.getOrDefault(table.tableName(), Set.of());
            List<String> missing =
                    declared.stream().filter(c -> !described.contains(c)).toList();
            List<String> extra =
                    described.stream().filter(c -> !declared.contains(c)).toList();
            if (!missing.isEmpty()) {
                undocumented.put(table.tableName(), missing);
            }
            if (!extra.isEmpty()) {
                stale.put(table.tableName(), extra);
            }
        }
        assertEquals(
                Map.of(),
                undocumented,
                "columns docs/tables.md does not describe (each table needs a '## <table>' section with a"
                        + " '| column | type | meaning |' table)");
        assertEquals(Map.of(), stale, "columns docs/tables.md describes that the table does not have");
    }

    @Test
    void theCheckReadsSectionsRowsAndSharedRows() {
        Map<String, Set<String>> columns = documentedColumns("""
                # Data dictionary
                ## runs
                One row per run.

                | column | type | meaning |
                |---|---|---|
                | run_id | string | the run |
                | `started_at`, ended_at | timestamp | |

                ## other
                No column table here.
                """);
        assertEquals(Set.of("run_id", "started_at", "ended_at"), columns.get("runs"));
        assertTrue(!columns.containsKey("other"), "a section without a column table describes nothing");
    }

    /** Per {@code ## name} section: the names in the first cell of its column table's rows. */
    static Map<String, Set<String>> documentedColumns(String markdown) {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        String section = null;
        boolean inTable = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                inTable = false;
            } else if (section != null && line.startsWith("| column |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|")) {
                String first = line.substring(1, line.indexOf('|', 1)).strip();
                if (first.startsWith("---")) {
                    continue;
                }
                for (String name : first.split(",")) {
                    columns.computeIfAbsent(section, s -> new TreeSet<>())
                            .add(name.strip().replace("`", ""));
                }
            } else if (inTable) {
                inTable = false;
            }
        }
        return columns;
    }
}
