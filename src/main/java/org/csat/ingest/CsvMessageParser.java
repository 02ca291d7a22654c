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

    /** @param notUtf8 whether the row's bytes were not UTF-8 (a U+FFFD the file holds is a character like any other) */
    Row parse(String file, long rowNo, CSVRecord record, String raw, int headerSize, boolean notUtf8) {
        String conversationId = value(record, "conversation_id");
        try {
            if (!record.isConsistent()) {
                throw new RejectedRecord(
                        Reasons.CSV_RAGGED_ROW,
                        "row has " + record.size() + " fields but the header has " + headerSize);
            }
            if (notUtf8) {
                throw new RejectedRecord(Reasons.NOT_UTF8, "row is not valid UTF-8");
            }
            if (conversationId == null) {
                throw new RejectedRecord(Reasons.MISSING_FIELD, "conversation_id is empty");
            }
            ConversationDraft draft =
                    ConversationDraft.read(conversationId, f -> value(record, f), f -> value(record, f));
            String started = value(record, "started_at");
            draft.startedAt = started == null ? null : Timestamps.parse("started_at", started);
            draft.csat = ConversationRules.csat(value(record, "csat"));
            draft.messages.add(ConversationRules.message(
                    (int) Math.min(rowNo, Integer.MAX_VALUE),
                    0,
                    "",
                    value(record, "role"),
                    record.isMapped("text") ? record.get("text") : null,
                    value(record, "ts"),
                    value(record, "agent_id"),
                    value(record, "event"),
                    maxMessageChars));
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
