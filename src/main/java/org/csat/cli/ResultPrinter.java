package org.csat.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Prints a query's result for people, as an aligned table of at most {@code limit} rows with
 * long text cut to {@code maxWidth} characters (and a line saying so), or for scripts, whole:
 * CSV (RFC 4180, header first, empty field for null) or JSON lines (every column present, null
 * as null). Arrays, maps and structs print as JSON ({@code ["refund","card"]}), dates as
 * {@code 2024-03-01}, timestamps as {@code 2024-03-01 12:00:00} in the session's time zone (UTC),
 * decimals in plain notation: what an analyst pastes into a spreadsheet or a JSON tool.
 */
final class ResultPrinter {
    /** How the result is printed. */
    enum Format {
        TABLE,
        CSV,
        JSON;

        static Format of(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name)) {
                    return format;
                }
            }
            throw new UsageException("--format must be table, csv or json, got '" + name + "'");
        }
    }

    private final PrintStream out;
    private final Format format;
    private final int limit;
    private final int maxWidth;

    /**
     * @param limit    rows shown in table format
     * @param maxWidth characters of a value shown in table format; 0 for no cut
     */
    ResultPrinter(PrintStream out, Format format, int limit, int maxWidth) {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        if (maxWidth < 0) {
            throw new UsageException("--max-width must be 0 (no cut) or more, got " + maxWidth);
        }
        this.out = out;
        this.format = format;
        this.limit = limit;
        this.maxWidth = maxWidth;
    }

    void print(Dataset<Row> query) {
        Dataset<Row> result = uniquelyNamed(query);
        switch (format) {
            case CSV -> printCsv(readable(result));
            case JSON ->
                result.select(to_json(struct(columns(result)), Map.of("ignoreNullFields", "false")))
                        .toLocalIterator()
                        .forEachRemaining(row -> out.println(row.getString(0)));
            default -> printTable(readable(result));
        }
    }

    /** Columns named alike ({@code SELECT a.id, b.id}) get a suffix, {@code id_2}, so each is its own field. */
    private static Dataset<Row> uniquelyNamed(Dataset<Row> result) {
        String[] names = result.columns();
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean renamed = false;
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            for (int n = 2; !seen.add(names[i].toLowerCase(Locale.ROOT)); n++) {
                names[i] = name + "_" + n;
                renamed = true;
            }
        }
        return renamed ? result.toDF(names) : result;
    }

    private static Column[] columns(Dataset<Row> result) {
        List<Column> columns = new ArrayList<>();
        for (String name : result.columns()) {
            columns.add(col("`" + name.replace("`", "``") + "`"));
        }
        return columns.toArray(new Column[0]);
    }

    /** Nested values as JSON text, dates and timestamps as ISO text, the rest as they are. */
    private static Dataset<Row> readable(Dataset<Row> result) {
        List<Column> columns = new ArrayList<>();
        Column[] plain = columns(result);
        StructField[] fields = result.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            DataType type = fields[i].dataType();
            Column column = plain[i];
            if (type instanceof ArrayType || type instanceof MapType || type instanceof StructType) {
                column = to_json(column, Map.of("ignoreNullFields", "false"));
            } else if (type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType) {
                column = column.cast("string");
            }
            columns.add(column.as(fields[i].name()));
        }
        return result.select(columns.toArray(new Column[0]));
    }

    private void printCsv(Dataset<Row> result) {
        List<String> header = new ArrayList<>();
        for (String column : result.columns()) {
            header.add(csvField(column));
        }
        out.println(String.join(",", header));
        Iterator<Row> rows = result.toLocalIterator();
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                fields.add(row.isNullAt(i) ? "" : csvField(text(row.get(i))));
            }
            out.println(String.join(",", fields));
        }
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    /** A value in full: doubles and decimals in plain notation, never 1.0E-4. */
    private static String text(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f && Float.isFinite(f)) {
            return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private void printTable(Dataset<Row> result) {
        String[] columns = result.columns();
        List<Row> rows = result.limit(limit + 1).collectAsList();
        int[] widths = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            widths[i] = columns[i].length();
        }
        boolean cut = false;
        List<String[]> lines = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String value = row.isNullAt(i) ? "NULL" : cell(row.get(i));
                if (maxWidth > 0 && value.length() > maxWidth) {
                    value = value.substring(0, Math.max(1, maxWidth - 1)) + "…";
                    cut = true;
                }
                line[i] = value;
                widths[i] = Math.max(widths[i], value.length());
            }
            lines.add(line);
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, columns, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        text.append(rule.toString().stripTrailing()).append('\n');
        lines.forEach(line -> appendLine(text, line, widths));
        out.print(text);
        List<String> notes = new ArrayList<>();
        if (rows.size() > limit) {
            notes.add("more not shown: raise --limit, or use --format csv or json for every row");
        }
        if (cut) {
            notes.add("values over " + maxWidth + " characters cut (…): --max-width 0, or --format csv or json,"
                    + " shows them whole");
        }
        out.println("(" + lines.size() + " row" + (lines.size() == 1 ? "" : "s")
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)) + ")");
    }

    /** A value on one line: doubles to four decimals, line breaks shown as ⏎. */
    private static String cell(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return text(value).replaceAll("\\R", " ⏎ ");
    }

    private static void appendLine(StringBuilder out, String[] values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(values[i]).append(" ".repeat(widths[i] - values[i].length() + 2));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
