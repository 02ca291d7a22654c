package org.csat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlNotebookTest {
    @Test
    void cellsAreCommentsThenOneStatementEndingAtASemicolon() {
        List<SqlNotebook.Cell> cells = SqlNotebook.parse("""
                -- Title of the notebook.

                -- Cell one
                -- says two lines.
                SELECT a,
                       b -- trailing comment stays in the SQL
                FROM t;

                SELECT 'no comment; not the end' AS x
                FROM u;
                SELECT 1
                """);
        assertEquals(3, cells.size());
        assertEquals(
                "Title of the notebook.\nCell one\nsays two lines.",
                cells.get(0).comment());
        assertEquals(
                "SELECT a,\n       b -- trailing comment stays in the SQL\nFROM t",
                cells.get(0).sql());
        assertEquals("", cells.get(1).comment());
        assertEquals(
                "SELECT 'no comment; not the end' AS x\nFROM u", cells.get(1).sql());
        assertEquals("SELECT 1", cells.get(2).sql(), "a last statement without a semicolon is kept");
    }
}
