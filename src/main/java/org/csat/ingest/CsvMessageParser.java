package org.csat.ingest;

import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;

/**
 * Reads one row of the message-per-row CSV contract into a parsed record holding one
 * message and whatever conversation-level columns the row carries. Conversations are
 * assembled from these rows later ({@link AssembleCsvConversations}).
 */
final class CsvMessageParser {
    static final String FORMAT = "csv";
    static final List<String> REQUIRED = List.of("conversation_id", "ts", "role", "text");

    private final int maxMessageChars;

    CsvMessageParser(int maxMessageChars) {
        this.maxMessageChars = maxMessageChars;
    }

    /** The required columns missing from a header, empty when it is usable. */
    static List<String> missingColumns(Map<String, Integer> header) {
        return REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
    }

    Row parse(String file, long rowNo, CSVRecord record, String raw, int headerSize) {
        String conversationId = value(record, "conversation_id");
        try {
            if (!record.isConsistent()) {
                throw new RejectedRecord(
                        Reasons.CSV_RAGGED_ROW,
                        "row has " + record.size() + " fields but the header has " + headerSize);
            }
            if (raw.indexOf('\uFFFD') >= 0) {
                throw new RejectedRecord(Reasons.NOT_UTF8, "row is not valid UTF-8");
            }
            if (conversationId == null) {
                throw new RejectedRecord(Reasons.MISSING_FIELD, "conversation_id is empty");
            }
            ConversationDraft draft = new ConversationDraft();
            draft.conversationId = conversationId;
            draft.customerId = value(record, "customer_id");
            draft.channel = value(record, "channel");
            draft.language = value(record, "language");
            draft.topic = value(record, "topic");
            String started = value(record, "started_at");
            draft.startedAt = started == null ? null : Timestamps.parse("started_at", started);
            draft.csat = ConversationRules.csat(value(record, "csat"));
            String roleValue = value(record, "role");
            if (roleValue == null) {
                throw new RejectedRecord(Reasons.MISSING_FIELD, "role is empty");
            }
            String role = ConversationRules.role(roleValue, 0);
            String text = record.isMapped("text") ? record.get("text") : null;
            ConversationRules.checkText(role, text, 0, maxMessageChars);
            String ts = value(record, "ts");
            draft.messages.add(new MessageDraft(
                    (int) Math.min(rowNo, Integer.MAX_VALUE),
                    ts == null ? null : Timestamps.parse("ts", ts),
                    role,
                    value(record, "agent_id"),
                    value(record, "event"),
                    text));
            return ParsedRecords.accepted(file, rowNo, FORMAT, raw, draft, draft.messages, 1L, null);
        } catch (RejectedRecord e) {
            return ParsedRecords.rejected(file, rowNo, FORMAT, raw, conversationId, e.reason(), e.getMessage());
        }
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
