package org.csat.nlp;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The conversations one run scored, kept cached between the stages that read them: the bronze
 * rows, redacted and with {@code language} and {@code language_source} resolved, and their
 * silver_messages rows (null when the batch is empty). Closing it frees the cache.
 */
public final class ScoredBatch implements AutoCloseable {
    private final Dataset<Row> conversations;
    private final Dataset<Row> messages;

    ScoredBatch(Dataset<Row> conversations, Dataset<Row> messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    /** Whether the run had no conversation to score. */
    public boolean isEmpty() {
        return messages == null;
    }

    public Dataset<Row> conversations() {
        return conversations;
    }

    public Dataset<Row> messages() {
        return messages;
    }

    @Override
    public void close() {
        if (messages != null) {
            messages.unpersist();
        }
        conversations.unpersist();
    }
}
