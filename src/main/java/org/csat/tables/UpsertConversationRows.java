package org.csat.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Replaces, in one Delta MERGE (one atomic commit), all rows of the conversations in a batch
 * with the batch's rows: rows whose key matches are updated, new keys inserted, and rows of
 * a batch conversation that the batch no longer has (a re-delivered conversation with fewer
 * messages) deleted. Rows of other conversations are untouched, so re-running a night or
 * re-delivering one conversation rewrites only what changed.
 */
public final class UpsertConversationRows {
    private final Warehouse warehouse;
    private final Table table;
    private final List<String> keys;

    /** @param keys the row key; its first column must be {@code conversation_id} */
    public UpsertConversationRows(Warehouse warehouse, Table table, List<String> keys) {
        if (keys.isEmpty() || !keys.get(0).equals("conversation_id")) {
            throw new IllegalArgumentException(
                    "the key of " + table.tableName() + " must start with conversation_id, got " + keys);
        }
        this.warehouse = warehouse;
        this.table = table;
        this.keys = List.copyOf(keys);
    }

    /** @return rows written (inserted + updated + deleted) */
    public long execute(Dataset<Row> rows) {
        long before = warehouse.version(table);
        Dataset<Row> target = warehouse.read(table);
        Dataset<Row> batch = rows.withColumn("_delete", lit(false));
        if (keys.size() > 1) {
            Dataset<Row> stale = target.select(
                            keys.stream().map(k -> col(k)).toArray(org.apache.spark.sql.Column[]::new))
                    .join(rows.select("conversation_id").distinct(), new String[] {"conversation_id"}, "left_semi")
                    .join(
                            rows.select(keys.stream().map(k -> col(k)).toArray(org.apache.spark.sql.Column[]::new)),
                            keys.toArray(new String[0]),
                            "left_anti")
                    .withColumn("_delete", lit(true));
            batch = batch.unionByName(stale, true);
        }
        String on = keys.stream().map(k -> "t.`" + k + "` = s.`" + k + "`").collect(Collectors.joining(" AND "));
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String name : table.schema().fieldNames()) {
            assignments.put("`" + name + "`", "s.`" + name + "`");
        }
        warehouse
                .open(table)
                .as("t")
                .merge(batch.as("s"), on)
                .whenMatched("s._delete")
                .delete()
                .whenMatched()
                .updateExpr(assignments)
                .whenNotMatched("NOT s._delete")
                .insertExpr(assignments)
                .execute();
        return warehouse.rowsWrittenSince(table, before);
    }
}
