package org.csat.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL notebook: a {@code .sql} file of cells, each an optional block of {@code --} comment
 * lines (the cell's text for the reader) followed by one statement ending in {@code ;} at the
 * end of a line. The same file pastes cell by cell into Databricks, Jupyter or any SQL editor.
 */
public final class SqlNotebook {
    /** One cell: what it says, and its statement (without the closing semicolon). */
    public record Cell(String comment, String sql) {}

    private SqlNotebook() {}

    public static List<Cell> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static List<Cell> parse(String text) {
        List<Cell> cells = new ArrayList<>();
        StringBuilder comment = new StringBuilder();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (sql.length() == 0 && trimmed.startsWith("--")) {
                comment.append(trimmed.substring(2).strip()).append('\n');
                continue;
            }
            if (sql.length() == 0 && trimmed.isEmpty()) {
                continue;
            }
            sql.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = sql.toString().strip();
                cells.add(new Cell(
                        comment.toString().strip(),
                        statement.substring(0, statement.length() - 1).strip()));
                comment.setLength(0);
                sql.setLength(0);
            }
        }
        if (!sql.toString().isBlank()) {
            cells.add(new Cell(comment.toString().strip(), sql.toString().strip()));
        }
        return cells;
    }
}
