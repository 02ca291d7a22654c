package org.csat.ingest;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;

/**
 * Reads one conversation JSON line of the input contract into a parsed record, or a
 * rejection that names the first problem found. Unknown fields are ignored (kept in
 * {@code raw}); non-string metadata values are kept as their JSON text.
 */
final class JsonConversationParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FORMAT = "jsonl";

    private final int maxMessageChars;

    JsonConversationParser(int maxMessageChars) {
        this.maxMessageChars = maxMessageChars;
    }

    Row parse(String file, long lineNo, String line) {
        String conversationId = null;
        try {
            JsonNode root;
            try {
                root = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new RejectedRecord(Reasons.BAD_JSON, "not valid JSON: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw new RejectedRecord(Reasons.NOT_AN_OBJECT, "the line is JSON but not an object");
            }
            conversationId = optionalString(root, "conversation_id");
            ConversationDraft draft = new ConversationDraft();
            draft.conversationId = conversationId;
            draft.customerId = optionalString(root, "customer_id");
            draft.channel = optionalString(root, "channel");
            draft.language = optionalString(root, "language");
            draft.topic = optionalString(root, "topic");
            String started = optionalString(root, "started_at");
            if (started == null) {
                throw new RejectedRecord(Reasons.MISSING_FIELD, "started_at is missing");
            }
            draft.startedAt = Timestamps.parse("started_at", started);
            String ended = optionalString(root, "ended_at");
            draft.endedAt = ended == null ? null : Timestamps.parse("ended_at", ended);
            JsonNode csat = root.get("csat");
            draft.csat = csat == null || csat.isNull() ? null : ConversationRules.csat(csat.isTextual() ? csat.textValue() : csat.toString());
            readMessages(root, draft);
            readMetadata(root, draft);
            return ParsedRecords.accepted(file, lineNo, FORMAT, line, draft, ConversationRules.finish(draft), 1L, null);
        } catch (RejectedRecord e) {
            return ParsedRecords.rejected(file, lineNo, FORMAT, line, conversationId, e.reason(), e.getMessage());
        }
    }

    private void readMessages(JsonNode root, ConversationDraft draft) throws RejectedRecord {
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw new RejectedRecord(Reasons.MISSING_FIELD, "messages is missing");
        }
        if (!messages.isArray()) {
            throw new RejectedRecord(Reasons.WRONG_TYPE, "messages must be an array, got " + messages.getNodeType().name().toLowerCase());
        }
        int position = 0;
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                throw new RejectedRecord(Reasons.WRONG_TYPE, "message " + (position + 1) + " is not an object");
            }
            String roleValue = optionalString(message, "role");
            if (roleValue == null) {
                throw new RejectedRecord(Reasons.MISSING_FIELD, "message " + (position + 1) + " has no role");
            }
            String role = ConversationRules.role(roleValue, position);
            String text = optionalString(message, "text");
            ConversationRules.checkText(role, text, position, maxMessageChars);
            String ts = optionalString(message, "ts");
            draft.messages.add(new MessageDraft(position, ts == null ? null : Timestamps.parse("message " + (position + 1) + " ts", ts),
                    role, optionalString(message, "agent_id"), optionalString(message, "event"), text));
            position++;
        }
    }

    private static void readMetadata(JsonNode root, ConversationDraft draft) throws RejectedRecord {
        JsonNode metadata = root.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            throw new RejectedRecord(Reasons.WRONG_TYPE, "metadata must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            draft.metadata.put(field.getKey(), value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString());
        }
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
        throw new RejectedRecord(Reasons.WRONG_TYPE, field + " must be a string, got " + value.getNodeType().name().toLowerCase());
    }
}
