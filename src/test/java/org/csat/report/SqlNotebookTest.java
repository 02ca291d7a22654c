package org.csat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SqlNotebookTest {
    @Test
    void databricksSourceSplitsIntoMarkdownAndSqlCells() {
        List<SqlNotebook.Cell> cells = SqlNotebook.parse("""
                -- Databricks notebook source
                -- MAGIC %md
                -- MAGIC # Title
                -- MAGIC Two lines.

                -- COMMAND ----------

                -- a comment stays with the statement
                SELECT a,
                       b
                FROM t;

                -- COMMAND ----------

                SELECT 'no -- COMMAND ---------- here; not the end' AS x

                -- COMMAND ----------
                """);
        assertEquals(3, cells.size());
        assertTrue(cells.get(0).markdown());
        assertEquals("# Title\nTwo lines.", cells.get(0).text());
        assertFalse(cells.get(1).markdown());
        assertEquals(
                "-- a comment stays with the statement\nSELECT a,\n       b\nFROM t",
                cells.get(1).sql());
        assertEquals(
                "SELECT 'no -- COMMAND ---------- here; not the end' AS x",
                cells.get(2).sql());
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SqlNotebook.parse("SELECT 1;\n"));
        IllegalArgumentException python = assertThrows(
                IllegalArgumentException.class,
                () -> SqlNotebook.parse("-- Databricks notebook source\n-- MAGIC %python\n-- MAGIC print(1)\n"));
        assertTrue(python.getMessage().contains("%python"), python.getMessage());
    }

    /**
     * Every notebook of notebooks/ is Databricks source that opens by naming its tables in a SQL
     * cell, and says what each SQL cell shows: a markdown cell before it or its own comment.
     */
    @Test
    void everyNotebookOpensWithItsTablesAndDescribesEachCell() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            notebooks =
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(notebooks.size() >= 5, "notebooks/: " + notebooks);
        for (Path notebook : notebooks) {
            List<SqlNotebook.Cell> cells = SqlNotebook.read(notebook);
            assertTrue(cells.get(0).markdown(), notebook + " opens with what it answers");
            assertFalse(cells.get(1).markdown(), notebook + ": the second cell names the tables");
            assertTrue(cells.get(1).sql().contains("UNION ALL"), notebook + ": one row per table read");
            for (int i = 0; i < cells.size(); i++) {
                SqlNotebook.Cell cell = cells.get(i);
                if (!cell.markdown()) {
                    boolean described = cell.sql().startsWith("--")
                            || (i > 0 && cells.get(i - 1).markdown());
                    assertTrue(described, notebook + ": say what this cell shows:\n" + cell.sql());
                }
            }
        }
    }
}
