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
    Timestamp startedAt;
    Timestamp endedAt;
    String topic;
    Integer csat;
    final List<MessageDraft> messages = new ArrayList<>();
    final Map<String, String> metadata = new TreeMap<>();
}
