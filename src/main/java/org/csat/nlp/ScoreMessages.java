package org.csat.nlp;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.csat.stage.StageAction;
import org.csat.stage.StageContext;
import org.csat.tables.ConcurrentWrites;
import org.csat.tables.Table;
import org.csat.tables.UpsertConversationRows;

/**
 * The silver_messages stage: takes the bronze conversations not yet reflected in silver (every
 * bronze conversation with {@link #rescore}), read at one pinned bronze version, redacts them,
 * resolves their language (and checks the source's against the detected one), scores their messages ({@link BuildSilverMessages}) and upserts them
 * into {@code silver_messages}, replacing every row of each conversation in one MERGE. The batch
 * it scored stays cached in its result ({@link ScoredBatch}) for the next stage, which reads the
 * same rows instead of recomputing them.
 */
public final class ScoreMessages extends StageAction<ScoreMessages.Result> {
    private boolean rescore;

    /**
     * The batch (close it when the later stages are done with it), the rows written and the
     * check of the sources' languages against the detected ones.
     */
    public record Result(ScoredBatch batch, long messagesWritten, LanguageCheck languageCheck) {}

    public ScoreMessages(StageContext context) {
        super(context);
    }

    /** Score every bronze conversation, not only the new and changed ones (after a model or rule change). */
    public ScoreMessages rescore(boolean rescore) {
        this.rescore = rescore;
        return this;
    }

    @Override
    protected String jobGroup() {
        return "SCORE";
    }

    @Override
    protected String jobDescription() {
        return "score changed conversations";
    }

    @Override
    protected Result doExecute() {
        warehouse().open(Table.BRONZE_CONVERSATIONS);
        Dataset<Row> bronze =
                warehouse().readVersion(Table.BRONZE_CONVERSATIONS, warehouse().version(Table.BRONZE_CONVERSATIONS));
        Dataset<Row> batch =
                rescore ? bronze : bronze.where(col("scored_run_id").isNull());
        int scoringPartitions = spark().sparkContext().defaultParallelism() * 4;
        BuildSilverMessages silverMessages = new BuildSilverMessages(config(), scoringPartitions);
        Dataset<Row> conversations = silverMessages.withLanguage(batch).persist(StorageLevel.MEMORY_AND_DISK());
        if (conversations.isEmpty()) {
            return new Result(new ScoredBatch(conversations, null), 0, LanguageCheck.NONE);
        }
        Dataset<Row> messages = null;
        try {
            messages = silverMessages.apply(conversations).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> rows = messages;
            long written = ConcurrentWrites.retrying(
                    Table.SILVER_MESSAGES,
                    () -> new UpsertConversationRows(
                                    warehouse(), Table.SILVER_MESSAGES, List.of("conversation_id", "seq"))
                            .execute(rows));
            return new Result(new ScoredBatch(conversations, messages), written, LanguageCheck.of(conversations));
        } catch (RuntimeException e) {
            new ScoredBatch(conversations, messages).close();
            throw e;
        }
    }
}
