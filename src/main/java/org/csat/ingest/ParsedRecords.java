package org.csat.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.csat.tables.RowValues;
import org.csat.tables.TableSchemas;

/** Builds rows of {@link TableSchemas#PARSED_RECORD} (fields in its order): an accepted conversation or a rejection. */
final class ParsedRecords {
    private ParsedRecords() {}

    static Row accepted(
            String file,
            long recordNo,
            String format,
            String raw,
            ConversationDraft d,
            List<MessageDraft> messages,
            long sourceRecords,
            List<Row> rawRows) {
        List<Row> messageRows = new ArrayList<>(messages.size());
        for (MessageDraft m : messages) {
            messageRows.add(RowFactory.create(m.position(), m.ts(), m.role(), m.agentId(), m.event(), m.text()));
        }
        return RowFactory.create(
                file,
                recordNo,
                format,
                raw,
                null,
                null,
                sourceRecords,
                RowValues.seq(rawRows),
                d.conversationId,
                d.customerId,
                d.channel,
                d.language,
                d.startedAt,
                d.endedAt,
                d.topic,
                d.csat,
                RowValues.seq(messageRows),
                d.metadata.isEmpty() ? null : RowValues.map(d.metadata));
    }

    static Row rejected(
            String file,
            long recordNo,
            String format,
            String raw,
            String conversationId,
            Reasons reason,
            String message) {
        return RowFactory.create(
                file,
                recordNo,
                format,
                raw,
                reason.code(),
                message,
                1L,
                null,
                ConversationRules.wellFormed(conversationId),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
