package org.csat.ingest;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conversation being read from one JSON line or assembled from CSV rows. The parsers fill
 * it; {@link ConversationRules#finish} checks it against the contract and orders its messages.
 */
final class ConversationDraft {
    String conversationId;
    String customerId;
    String channel;
    String language;
    String topic;
    Timestamp startedAt;
    Timestamp endedAt;
    Integer csat;
    final List<MessageDraft> messages = new ArrayList<>();
    final Map<String, String> metadata = new TreeMap<>();

    /** Reads one named field of a record as text, null when absent; rejects a value of the wrong type. */
    @FunctionalInterface
    interface Fields {
        String get(String field) throws RejectedRecord;
    }

    ConversationDraft(String conversationId) {
        this.conversationId = conversationId;
    }

    /**
     * A draft with the identifying fields every format carries under the contract's names;
     * {@code topic} is read by {@code freeText}, since a source's label may be any JSON value.
     */
    static ConversationDraft read(String conversationId, Fields strings, Fields freeText) throws RejectedRecord {
        ConversationDraft draft = new ConversationDraft(conversationId);
        draft.customerId = strings.get("customer_id");
        draft.channel = strings.get("channel");
        draft.language = strings.get("language");
        draft.topic = freeText.get("topic");
        return draft;
    }
}
