package org.csat.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.tables.ConcurrentWrites;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/**
 * Marks bronze rows as reflected in silver: sets {@code scored_run_id} on the rows of a
 * scored batch whose content ({@code record_hash}) is still what was scored, in one MERGE.
 * The nightly job calls it after silver and gold are written, and scores every bronze row
 * still unmarked, so a run that died after ingest but before silver is completed by the next
 * run instead of leaving bronze rows that silver never sees.
 */
public final class MarkConversationsScored {
    private final Warehouse warehouse;

    public MarkConversationsScored(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** @param scored the batch's {@code conversation_id} and {@code record_hash} */
    public void execute(Dataset<Row> scored, String runId) {
        Dataset<Row> keys = scored.select("conversation_id", "record_hash").distinct();
        ConcurrentWrites.retrying(Table.BRONZE_CONVERSATIONS, () -> {
            warehouse
                    .open(Table.BRONZE_CONVERSATIONS)
                    .as("t")
                    .merge(keys.as("s"), "t.conversation_id = s.conversation_id AND t.record_hash = s.record_hash")
                    .whenMatched("t.scored_run_id IS NULL")
                    .updateExpr(java.util.Map.of("scored_run_id", "'" + runId.replace("'", "''") + "'"))
                    .execute();
            return null;
        });
    }
}
