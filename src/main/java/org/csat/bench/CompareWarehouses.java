package org.csat.bench;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.csat.config.PipelineConfig;
import org.csat.stage.SparkSessions;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/**
 * Compares every table of two warehouses row for row, ignoring row order but not multiplicity
 * (bench/cluster: a cluster run's tables against a local run's). Left out: {@code pipeline_runs},
 * and the columns that say which run wrote a row and when, since two runs never share them.
 * Doubles are compared to 9 decimals (sums over rows in another order, as other partitions and
 * executors add them, differ in the last bits), maps by their sorted entries, and the
 * warehouses' own paths inside values (where a model was saved) are read as {@code <warehouse>}.
 * With {@code --names DB} the right warehouse is read through the names {@code DB.<table>} of
 * the session's catalog, each checked to point at that warehouse, rather than by path.
 * Prints one line per table; exit code 0 when all are equal, 1 otherwise.
 *
 * <p>Usage: {@code CompareWarehouses LEFT RIGHT [--names DB]}, under spark-submit.
 */
public final class CompareWarehouses {
    private static final Set<String> RUN_IDENTITY =
            Set.of("ingest_run_id", "ingested_at", "scored_run_id", "run_id", "quarantined_at", "fitted_run_id");
    private static final int SHOWN = 5;

    private CompareWarehouses() {}

    public static void main(String[] args) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--names"))) {
            System.err.println("usage: CompareWarehouses LEFT RIGHT [--names DB]");
            System.exit(2);
        }
        boolean equal;
        try (SparkSessions.Handle session = SparkSessions.open("csat compare", PipelineConfig.defaults())) {
            SparkSession spark = session.spark();
            Warehouse left = new Warehouse(spark, args[0]);
            Warehouse right = new Warehouse(spark, args[1]);
            equal = compare(spark, left, right, args.length == 4 ? args[3] : null);
        }
        System.exit(equal ? 0 : 1);
    }

    private static boolean compare(SparkSession spark, Warehouse left, Warehouse right, String names) {
        boolean allEqual = true;
        for (Table table : Table.values()) {
            if (table == Table.PIPELINE_RUNS) {
                continue;
            }
            String label = names == null ? table.tableName() : names + "." + table.tableName();
            if (!left.exists(table) || !right.exists(table)) {
                boolean neither = !left.exists(table) && !right.exists(table);
                System.out.println(
                        label + ": " + (neither ? "in neither warehouse" : "DIFFERENT: in one warehouse only"));
                allEqual &= neither;
                continue;
            }
            Dataset<Row> rightRows;
            if (names == null) {
                rightRows = readByPath(spark, right, table);
            } else {
                String location = spark.sql("DESCRIBE DETAIL " + label)
                        .select("location")
                        .first()
                        .getString(0);
                if (!location.equals(right.path(table))) {
                    System.out.println(
                            label + ": DIFFERENT: the name points at " + location + ", not at " + right.path(table));
                    allEqual = false;
                    continue;
                }
                rightRows = spark.table(label);
            }
            Dataset<Row> a = comparable(readByPath(spark, left, table), left);
            Dataset<Row> b = comparable(rightRows, right);
            long rowsA = a.count();
            long rowsB = b.count();
            Dataset<Row> onlyA = a.exceptAll(b).cache();
            Dataset<Row> onlyB = b.exceptAll(a).cache();
            long differing = onlyA.count() + onlyB.count();
            if (differing == 0 && rowsA == rowsB) {
                System.out.println(label + ": equal (" + rowsA + " rows)");
            } else {
                allEqual = false;
                System.out.println(label + ": DIFFERENT: " + rowsA + " rows against " + rowsB + "; " + onlyA.count()
                        + " only left, " + onlyB.count() + " only right");
                onlyA.limit(SHOWN).collectAsList().forEach(r -> System.out.println("    left only:  " + r));
                onlyB.limit(SHOWN).collectAsList().forEach(r -> System.out.println("    right only: " + r));
            }
            onlyA.unpersist();
            onlyB.unpersist();
        }
        return allEqual;
    }

    private static Dataset<Row> readByPath(SparkSession spark, Warehouse warehouse, Table table) {
        return spark.read().format("delta").load(warehouse.path(table));
    }

    /** The columns to compare, as values equal across runs that agree. */
    private static Dataset<Row> comparable(Dataset<Row> rows, Warehouse warehouse) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            if (RUN_IDENTITY.contains(field.name())) {
                continue;
            }
            Column c = col("`" + field.name() + "`");
            if (field.dataType().equals(DataTypes.DoubleType)
                    || field.dataType().equals(DataTypes.FloatType)) {
                c = format_string("%.9f", c);
            } else if (field.dataType().equals(DataTypes.StringType)) {
                c = replace(c, lit(warehouse.root()), lit("<warehouse>"));
            } else if (field.dataType() instanceof MapType) {
                c = to_json(array_sort(map_entries(c)));
            }
            columns.add(c.as(field.name()));
        }
        return rows.select(columns.toArray(Column[]::new));
    }
}
