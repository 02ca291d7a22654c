package org.csat.reliability;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import scala.collection.Iterable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every table of a warehouse as sorted lines of text, to compare warehouses ignoring row
 * order but not multiplicity. {@code pipeline_runs} is left out (it gains a row per run). A
 * comparison across warehouses may leave out the columns that name the run that wrote a row
 * ({@link #RUN_IDENTITY}): two independent runs cannot share a run id. Doubles are printed
 * to 9 decimals, since sums over rows in a different file order differ in the last bits.
 */
final class TableContents {
    /** Columns that say which run wrote a row and when. */
    static final Set<String> RUN_IDENTITY =
            Set.of("ingest_run_id", "ingested_at", "scored_run_id", "run_id", "quarantined_at");

    private TableContents() {}

    static Map<String, List<String>> of(Warehouse warehouse, Set<String> leftOut) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (Table table : Table.values()) {
            if (table == Table.PIPELINE_RUNS || !warehouse.exists(table)) {
                continue;
            }
            tables.put(table.tableName(), lines(warehouse.read(table), leftOut));
        }
        return tables;
    }

    /**
     * The rows one run wrote to a table that keeps a row set per run ({@code model_metrics}: one
     * evaluation per run), with {@code leftOut} columns left out.
     */
    static List<String> ofRun(Warehouse warehouse, Table table, String runId, Set<String> leftOut) {
        return lines(
                warehouse
                        .read(table)
                        .where(org.apache.spark.sql.functions.col("run_id").equalTo(runId)),
                leftOut);
    }

    private static List<String> lines(org.apache.spark.sql.Dataset<Row> rows, Set<String> leftOut) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows.collectAsList()) {
            lines.add(render(row, leftOut));
        }
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    private static String render(Row row, Set<String> leftOut) {
        StringBuilder out = new StringBuilder("{");
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            if (!leftOut.contains(fields[i].name())) {
                out.append(fields[i].name())
                        .append('=')
                        .append(value(row.get(i)))
                        .append(", ");
            }
        }
        return out.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.9f", d);
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Row r) {
            return render(r, Set.of());
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            Map<String, String> sorted = new TreeMap<>();
            CollectionConverters.asJava(m).forEach((k, x) -> sorted.put(String.valueOf(k), value(x)));
            return sorted.toString();
        }
        if (v instanceof Iterable<?> s) {
            List<String> items = new ArrayList<>();
            CollectionConverters.asJava(s).forEach(x -> items.add(value(x)));
            return items.toString();
        }
        return String.valueOf(v);
    }

    /** The name of a table's commit file for {@code version} in its {@code _delta_log}. */
    static String commitFile(long version) {
        return String.format("%020d.json", version);
    }
}
