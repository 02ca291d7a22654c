package org.csat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.report.SqlNotebook;
import org.csat.stage.SparkSessions;
import org.csat.tables.Warehouse;

/**
 * {@code csat query "SQL"}: runs Spark SQL over the warehouse's tables, each registered
 * under its name in the catalog's database ({@code csat.silver_conversations}, which is also the
 * current database, so {@code silver_conversations} works too), and prints the result as an
 * aligned table, CSV or JSON lines.
 */
final class QueryCommand implements Command {
    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "run Spark SQL over the tables by name and print the result";
    }

    @Override
    public String usage() {
        return """
                usage: csat query [--warehouse DIR] [--format table|csv|json] [--limit N] "SQL"
                       csat query [--warehouse DIR] --file NOTEBOOK.sql


                  --warehouse DIR  where the Delta tables live (default warehouse)
                  --format F       table (default, for people), csv or json (one object a line, for scripts)
                  --limit N        at most N rows in table format (default 200); csv and json print all
                  --file F         run a SQL notebook (see notebooks/): each cell's comment, then its result
                  --conf, --set    settings, as for nightly (catalog.database names the tables' database)

                Tables: bronze_conversations, quarantine, silver_messages, silver_conversations,
                gold_cohort_daily, pipeline_runs (see docs/tables.md).""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("warehouse", "format", "limit", "file", "conf", "set");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.has("file") ? !args.positional().isEmpty() : args.positional().size() != 1) {
            throw new UsageException("give exactly one SQL statement, quoted, or --file NOTEBOOK.sql");
        }
        String format = args.get("format", "table");
        if (!Set.of("table", "csv", "json").contains(format)) {
            throw new UsageException("--format must be table, csv or json, got '" + format + "'");
        }
        int limit = args.getInt("limit", 200);
        PipelineConfig config = NightlyCommand.loadConfig(args);
        String warehouseDir = args.get("warehouse", "warehouse");
        Path local = localDirectory(warehouseDir);
        if (local != null && !Files.isDirectory(local)) {
            throw new IllegalArgumentException("no warehouse at " + local + "; run bin/csat nightly first");
        }
        try (SparkSessions.Handle session = SparkSessions.open("csat query", config, warehouseDir)) {
            SparkSession spark = session.spark();
            String database = config.catalog().database();
            Warehouse warehouse = new Warehouse(spark, warehouseDir, database);
            if (!warehouse.isPresent()) {
                throw new IllegalArgumentException(
                        "no warehouse at " + warehouse.root() + "; run bin/csat nightly first");
            }
            // Names the tables (kept up to date for a warehouse made or moved since), then lets
            // SQL name them without the database too.
            warehouse.registerTables();
            spark.catalog().setCurrentDatabase(database);
            if (args.has("file")) {
                for (SqlNotebook.Cell cell : SqlNotebook.read(Path.of(args.get("file")))) {
                    System.out.println();
                    cell.comment().lines().forEach(line -> System.out.println("-- " + line));
                    print(spark.sql(cell.sql()), format, limit);
                }
            } else {
                print(spark.sql(args.positional().get(0)), format, limit);
            }
            return 0;
        }
    }

    /** The directory of a warehouse on the local file system, or null for one on another file system. */
    private static Path localDirectory(String warehouseDir) {
        String scheme = new org.apache.hadoop.fs.Path(warehouseDir).toUri().getScheme();
        if (scheme == null) {
            return Path.of(warehouseDir).toAbsolutePath();
        }
        return scheme.equals("file") ? Path.of(java.net.URI.create(warehouseDir)) : null;
    }

    private static void print(Dataset<Row> result, String format, int limit) {
        switch (format) {
            case "csv" -> printCsv(result);
            case "json" -> result.toJSON().toLocalIterator().forEachRemaining(System.out::println);
            default -> printTable(result, limit);
        }
    }

    private static void printCsv(Dataset<Row> result) {
        System.out.println(String.join(
                ",",
                List.of(result.columns()).stream().map(QueryCommand::csvField).toList()));
        Iterator<Row> rows = result.toLocalIterator();
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                fields.add(row.isNullAt(i) ? "" : csvField(String.valueOf(row.get(i))));
            }
            System.out.println(String.join(",", fields));
        }
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    private static void printTable(Dataset<Row> result, int limit) {
        String[] columns = result.columns();
        List<Row> rows = result.limit(limit + 1).collectAsList();
        int[] widths = new int[columns.length];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            widths[i] = columns[i].length();
        }
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String value = row.isNullAt(i) ? "NULL" : format(row.get(i));
                line[i] = value.length() > 80 ? value.substring(0, 77) + "..." : value;
                widths[i] = Math.max(widths[i], line[i].length());
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, columns, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (String[] line : cells) {
            appendLine(out, line, widths);
        }
        System.out.print(out);
        System.out.println("(" + cells.size() + " row" + (cells.size() == 1 ? "" : "s")
                + (rows.size() > limit ? ", more not shown; raise --limit or use --format csv" : "") + ")");
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return String.format("%.4f", d);
        }
        return String.valueOf(value).replace('\n', ' ');
    }

    private static void appendLine(StringBuilder out, String[] values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(String.format("%-" + widths[i] + "s  ", values[i]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
