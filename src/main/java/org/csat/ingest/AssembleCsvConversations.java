package org.csat.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.csat.tables.TableSchemas;

/**
 * Groups the message rows of CSV files into conversations, per night and conversation_id:
 * rows may stand anywhere in their file, and in any CSV file of the night (an export split
 * into parts can cut a conversation in two; exact repeats of a row are kept once, by
 * {@link ConversationRules}). The conversation's file and record number are those of its first
 * row (by file, then row). Conversation-level columns take the first
 * non-empty value in row order; two different non-empty values for csat, customer_id or
 * started_at reject the conversation. If any row of a conversation is rejected, every row of
 * it is quarantined, each with its own reason, so a conversation is never kept with a
 * message missing.
 */
final class AssembleCsvConversations implements Serializable {
    private static final long serialVersionUID = 1L;

    Dataset<Row> apply(Dataset<Row> csvRows) {
        return csvRows.groupByKey(
                        (MapFunction<Row, String>) r -> InputFiles.nightOfFile(r.<String>getAs("source_file"))
                                + '\u0000'
                                + r.<String>getAs("conversation_id"),
                        Encoders.STRING())
                .flatMapGroups(
                        (FlatMapGroupsFunction<String, Row, Row>) (key, rows) -> assemble(rows),
                        Encoders.row(TableSchemas.PARSED_RECORD));
    }

    static Iterator<Row> assemble(Iterator<Row> rowIterator) {
        List<Row> rows = new ArrayList<>();
        rowIterator.forEachRemaining(rows::add);
        rows.sort(Comparator.comparing((Row r) -> r.<String>getAs("source_file"))
                .thenComparingLong(r -> r.<Long>getAs("record_no")));
        Row first = rows.get(0);
        String file = first.getAs("source_file");
        String conversationId = first.getAs("conversation_id");
        Row firstRejected = rows.stream()
                .filter(r -> r.getAs("error_code") != null)
                .findFirst()
                .orElse(null);
        if (firstRejected != null) {
            String because = "conversation " + conversationId + " has a rejected row (row "
                    + firstRejected.getAs("record_no") + ": " + firstRejected.getAs("error") + ")";
            return rejectAll(rows, null, because);
        }
        try {
            ConversationDraft draft = new ConversationDraft(conversationId);
            List<Row> rawRows = new ArrayList<>(rows.size());
            StringBuilder raw = new StringBuilder();
            for (int position = 0; position < rows.size(); position++) {
                Row row = rows.get(position);
                draft.customerId = merge("customer_id", draft.customerId, row.getAs("customer_id"));
                draft.channel = merge("channel", draft.channel, row.getAs("channel"));
                draft.language = merge("language", draft.language, row.getAs("language"));
                draft.topic = merge("topic", draft.topic, row.getAs("topic"));
                draft.startedAt = merge("started_at", draft.startedAt, row.getAs("started_at"));
                draft.csat = merge("csat", draft.csat, row.getAs("csat"));
                Row message = row.<Row>getList(row.fieldIndex("messages")).get(0);
                draft.messages.add(new MessageDraft(
                        position,
                        message.getAs("ts"),
                        message.getAs("role"),
                        message.getAs("agent_id"),
                        message.getAs("event"),
                        message.getAs("text")));
                rawRows.add(RowFactory.create(
                        row.<Long>getAs("record_no"), row.<String>getAs("raw"), row.<String>getAs("source_file")));
                raw.append(raw.length() == 0 ? "" : "\n").append(row.<String>getAs("raw"));
            }
            List<MessageDraft> ordered = ConversationRules.finish(draft);
            return List.of(ParsedRecords.accepted(
                            file,
                            first.getAs("record_no"),
                            CsvMessageParser.FORMAT,
                            raw.toString(),
                            draft,
                            ordered,
                            rows.size(),
                            rawRows))
                    .iterator();
        } catch (RejectedRecord e) {
            return rejectAll(rows, e.reason(), "conversation " + conversationId + ": " + e.getMessage());
        }
    }

    private static <T> T merge(String column, T current, T value) throws RejectedRecord {
        if (current == null) {
            return value;
        }
        if (value != null
                && !Objects.equals(current, value)
                && (column.equals("csat") || column.equals("customer_id") || column.equals("started_at"))) {
            throw new RejectedRecord(
                    Reasons.CONFLICTING_FIELDS,
                    "rows disagree on " + column + " ('" + current + "' and '" + value + "')");
        }
        return current;
    }

    private static Iterator<Row> rejectAll(List<Row> rows, Reasons reason, String because) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String ownCode = row.getAs("error_code");
            Reasons code = ownCode != null
                    ? Reasons.valueOf(ownCode.toUpperCase())
                    : reason != null ? reason : Reasons.SIBLING_ROW_REJECTED;
            String message = ownCode != null ? row.getAs("error") : because;
            out.add(ParsedRecords.rejected(
                    row.getAs("source_file"),
                    row.getAs("record_no"),
                    CsvMessageParser.FORMAT,
                    row.getAs("raw"),
                    row.getAs("conversation_id"),
                    code,
                    message));
        }
        return out.iterator();
    }
}
