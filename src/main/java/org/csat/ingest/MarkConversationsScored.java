package org.csat.ingest;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.stage.StageAction;
import org.csat.stage.StageContext;
import org.csat.tables.ConcurrentWrites;
import org.csat.tables.Table;

/**
 * Marks bronze rows as reflected in silver: sets {@code scored_run_id} to the run's id on the
 * rows of a scored batch whose content ({@code record_hash}) is still what was scored, in one
 * MERGE. The nightly job runs it after silver and gold are written, and scores every bronze row
 * still unmarked, so a run that died after ingest but before silver is completed by the next
 * run instead of leaving bronze rows that silver never sees.
 */
public final class MarkConversationsScored extends StageAction<MarkConversationsScored.Result> {
    private Dataset<Row> scored;

    /** Bronze rows marked by this run. */
    public record Result(long rowsMarked) {}

    public MarkConversationsScored(StageContext context) {
        super(context);
    }

    /** @param scored the batch's {@code conversation_id} and {@code record_hash} */
    public MarkConversationsScored conversations(Dataset<Row> scored) {
        if (scored == null) {
            throw new IllegalArgumentException("the scored conversations must not be null");
        }
        this.scored = scored;
        return this;
    }

    @Override
    protected String jobGroup() {
        return "MARK-SCORED";
    }

    @Override
    protected String jobDescription() {
        return "mark scored bronze conversations";
    }

    @Override
    protected void checkReady() {
        if (scored == null) {
            throw new IllegalStateException("MarkConversationsScored needs conversations(...) before execute()");
        }
    }

    @Override
    protected Result doExecute() {
        Dataset<Row> keys = scored.select("conversation_id", "record_hash").distinct();
        String runId = "'" + run().id().replace("'", "''") + "'";
        return new Result(ConcurrentWrites.retrying(Table.BRONZE_CONVERSATIONS, () -> {
            long before = warehouse().version(Table.BRONZE_CONVERSATIONS);
            warehouse()
                    .open(Table.BRONZE_CONVERSATIONS)
                    .as("t")
                    .merge(keys.as("s"), "t.conversation_id = s.conversation_id AND t.record_hash = s.record_hash")
                    .whenMatched("t.scored_run_id IS NULL")
                    .updateExpr(Map.of("scored_run_id", runId))
                    .execute();
            return warehouse().rowsWrittenSince(Table.BRONZE_CONVERSATIONS, before);
        }));
    }
}
