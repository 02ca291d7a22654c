package org.csat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** What `bin/csat query` prints: nothing cut in csv and json, arrays and dates as an analyst expects. */
class ResultPrinterTest {
    private static final String LONG = "x".repeat(120);

    private static Dataset<Row> result() {
        SparkSession spark = TestSpark.session();
        return spark.sql("SELECT 'refund' AS topic, array('card', 'bank, transfer') AS top_terms,"
                + " map('a', 1L) AS counts, DATE'2024-03-01' AS date,"
                + " TIMESTAMP'2024-03-01 12:30:00' AS started_at, 0.0001D AS share, '" + LONG + "' AS text,"
                + " 'two\nlines' AS note, CAST(NULL AS STRING) AS missing");
    }

    private static String print(ResultPrinter.Format format, int maxWidth) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ResultPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), format, 200, maxWidth).print(result());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvKeepsEveryValueWholeWithArraysAsJsonAndIsoDates() {
        List<String> lines = print(ResultPrinter.Format.CSV, 80).lines().toList();
        assertEquals("topic,top_terms,counts,date,started_at,share,text,note,missing", lines.get(0));
        assertEquals(
                "refund,\"[\"\"card\"\",\"\"bank, transfer\"\"]\",\"{\"\"a\"\":1}\",2024-03-01,2024-03-01 12:30:00,"
                        + "0.0001," + LONG + ",\"two",
                lines.get(1));
        assertEquals("lines\",", lines.get(2), "a line break stays inside its quoted field; null is empty");
    }

    @Test
    void jsonKeepsEveryColumnWithNullsAndNativeArrays() {
        String line = print(ResultPrinter.Format.JSON, 80).strip();
        assertTrue(line.contains("\"top_terms\":[\"card\",\"bank, transfer\"]"), line);
        assertTrue(line.contains("\"date\":\"2024-03-01\""), line);
        assertTrue(line.contains("\"text\":\"" + LONG + "\""), "not cut: " + line);
        assertTrue(line.contains("\"missing\":null"), "null columns are kept: " + line);
    }

    @Test
    void tableCutsLongValuesOnlyWhereAskedAndSaysSo() {
        String table = print(ResultPrinter.Format.TABLE, 80);
        assertTrue(table.contains("[\"card\",\"bank, transfer\"]"), table);
        assertTrue(table.contains("2024-03-01 12:30:00"), table);
        assertTrue(table.contains("two ⏎ lines"), table);
        assertTrue(table.contains("x".repeat(79) + "…"), table);
        assertTrue(table.contains("values over 80 characters cut"), table);
        String whole = print(ResultPrinter.Format.TABLE, 0);
        assertTrue(whole.contains(LONG) && !whole.contains("cut"), whole);
        assertThrows(UsageException.class, () -> ResultPrinter.Format.of("xml"));
    }

    @Test
    void columnsNamedAlikeEachKeepTheirValue() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ResultPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), ResultPrinter.Format.JSON, 200, 80)
                .print(TestSpark.session().sql("SELECT 1 AS id, 2 AS id, 3 AS ID"));
        assertEquals(
                "{\"id\":1,\"id_2\":2,\"ID_3\":3}",
                bytes.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void helpListsEveryTableOfTheRegistry() {
        String help = new QueryCommand().usage();
        for (org.csat.tables.Table table : org.csat.tables.Table.values()) {
            assertTrue(help.contains(table.tableName()), table.tableName() + " in: " + help);
        }
    }
}
