package org.csat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.report.SqlNotebook;
import org.csat.stage.SparkSessions;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/**
 * {@code csat query "SQL"}: runs Spark SQL over the warehouse's tables, each registered under its
 * name in the catalog's database ({@code csat.silver_conversations}, which is also the current
 * database, so {@code silver_conversations} works too), and prints the result ({@link
 * ResultPrinter}); {@code --file} runs a notebook's SQL cells in order, printing its markdown as text.
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
                usage: csat query [--warehouse DIR] [--format table|csv|json] [--limit N] [--max-width N] "SQL"
                       csat query [--warehouse DIR] [--format ...] --file NOTEBOOK.sql

                  --warehouse DIR  where the Delta tables live (default warehouse)
                  --format F       table (default, for people), csv or json (one object a line, for scripts);
                                   csv and json print every row and every value whole
                  --limit N        at most N rows in table format (default 200)
                  --max-width N    cut values longer than N characters in table format (default 80; 0: never)
                  --file F         run a notebook (notebooks/, Databricks source format): its text, then each
                                   cell's result
                  --conf, --set    settings, as for nightly (catalog.database names the tables' database)

                Arrays, maps and structs print as JSON, dates as 2024-03-01, timestamps in UTC.
                Tables (docs/tables.md):
                """ + tableList();
    }

    /** The tables by name, from the table registry, wrapped like the text above. */
    static String tableList() {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("  ");
        for (Table table : Table.values()) {
            String name = table.tableName() + (table.ordinal() < Table.values().length - 1 ? "," : "");
            if (line.length() + 1 + name.length() > 100) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder("  ");
            }
            line.append(name).append(' ');
        }
        lines.add(line.toString().stripTrailing());
        return String.join("\n", lines);
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("warehouse", "format", "limit", "max-width", "file", "conf", "set");
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
        ResultPrinter printer = new ResultPrinter(
                System.out,
                ResultPrinter.Format.of(args.get("format", "table")),
                args.getInt("limit", 200),
                args.getInt("max-width", 80));
        List<SqlNotebook.Cell> notebook = null;
        if (args.has("file")) {
            try {
                notebook = SqlNotebook.read(Path.of(args.get("file")));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new UsageException("cannot read notebook " + args.get("file") + ": " + e.getMessage());
            }
        }
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
            if (notebook == null) {
                printer.print(spark.sql(args.positional().get(0)));
                return 0;
            }
            for (SqlNotebook.Cell cell : notebook) {
                System.out.println();
                if (cell.markdown()) {
                    System.out.println(cell.text());
                } else {
                    cell.comment().lines().forEach(line -> System.out.println("-- " + line));
                    printer.print(spark.sql(cell.sql()));
                }
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
}
