package org.csat.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Reads one conversation JSON record of the input contract (a line of a JSON Lines file, or
 * an element of a JSON document) into a parsed record, or a rejection that names the first
 * problem found. Schema drift is tolerated: unknown fields are ignored (kept in {@code raw});
 * the free-form fields {@code topic}, {@code agent_id} and {@code event} keep a non-string
 * value as its JSON text, non-string metadata values likewise, and a {@code metadata} that is
 * not an object is kept whole under the key {@code metadata}.
 */
final class JsonConversationParser {
    /** Strict where leniency would lose data silently: a second object on the line, or a field given twice. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final String FORMAT = "jsonl";

    private final int maxMessageChars;

    JsonConversationParser(int maxMessageChars) {
        this.maxMessageChars = maxMessageChars;
    }

    Row parse(String file, long lineNo, String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return ParsedRecords.rejected(
                    file,
                    lineNo,
                    FORMAT,
                    line,
                    null,
                    Reasons.BAD_JSON,
                    "not valid JSON: "
                            + Timestamps.abbreviate(e.getOriginalMessage().replaceAll("\\s+", " ")));
        }
        return parse(file, lineNo, line, root);
    }

    Row parse(String file, long recordNo, String raw, JsonNode root) {
        String conversationId = null;
        try {
            if (root == null || !root.isObject()) {
                throw new RejectedRecord(
                        Reasons.NOT_AN_OBJECT,
                        "the record is JSON but not an object (got "
                                + (root == null
                                        ? "nothing"
                                        : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                                + ")");
            }
            conversationId = optionalString(root, "conversation_id");
            ConversationDraft draft =
                    ConversationDraft.read(conversationId, f -> optionalString(root, f), f -> freeText(root, f));
            String started = optionalString(root, "started_at");
            if (started == null) {
                throw new RejectedRecord(Reasons.MISSING_FIELD, "started_at is missing");
            }
            draft.startedAt = Timestamps.parse("started_at", started);
            String ended = optionalString(root, "ended_at");
            draft.endedAt = ended == null ? null : Timestamps.parse("ended_at", ended);
            JsonNode csat = root.get("csat");
            draft.csat = csat == null || csat.isNull()
                    ? null
                    : ConversationRules.csat(
                            csat.isTextual()
                                    ? csat.textValue()
                                    : csat.isNumber() && Double.isFinite(csat.asDouble())
                                            ? csat.decimalValue()
                                            : csat.toString());
            readMessages(root, draft);
            readMetadata(root, draft);
            return ParsedRecords.accepted(
                    file, recordNo, FORMAT, raw, draft, ConversationRules.finish(draft), 1L, null);
        } catch (RejectedRecord e) {
            return ParsedRecords.rejected(file, recordNo, FORMAT, raw, conversationId, e.reason(), e.getMessage());
        }
    }

    private void readMessages(JsonNode root, ConversationDraft draft) throws RejectedRecord {
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw new RejectedRecord(Reasons.MISSING_FIELD, "messages is missing");
        }
        if (!messages.isArray()) {
            throw new RejectedRecord(
                    Reasons.WRONG_TYPE,
                    "messages must be an array, got "
                            + messages.getNodeType().name().toLowerCase());
        }
        int position = 0;
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                throw new RejectedRecord(Reasons.WRONG_TYPE, "message " + (position + 1) + " is not an object");
            }
            draft.messages.add(ConversationRules.message(
                    position,
                    position,
                    "message " + (position + 1) + " ",
                    optionalString(message, "role"),
                    optionalString(message, "text"),
                    optionalString(message, "ts"),
                    freeText(message, "agent_id"),
                    freeText(message, "event"),
                    maxMessageChars));
            position++;
        }
    }

    private static void readMetadata(JsonNode root, ConversationDraft draft) {
        JsonNode metadata = root.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            draft.metadata.put("metadata", metadata.isTextual() ? metadata.textValue() : metadata.toString());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            draft.metadata.put(
                    field.getKey(), value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString());
        }
    }

    /** A free-form text field: any non-null value, a non-string one as its JSON text. */
    private static String freeText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** A string field; numbers are accepted as their text (ids exported as numbers). */
    private static String optionalString(JsonNode node, String field) throws RejectedRecord {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.asText();
        }
        throw new RejectedRecord(
                Reasons.WRONG_TYPE,
                field + " must be a string, got " + value.getNodeType().name().toLowerCase());
    }
}
