package org.csat.generate;

import java.util.List;
import java.util.Map;

/**
 * One generated conversation in the shape of the input contract. Null fields
 * ({@code language}, {@code endedAt}, {@code topic}, {@code csat}, {@code metadata}) are
 * left out of the output, as the contract allows.
 */
record Conversation(
        String id,
        String customerId,
        String channel,
        String language,
        long startedAt,
        Long endedAt,
        String topic,
        Integer csat,
        List<Message> messages,
        Map<String, String> metadata) {}
