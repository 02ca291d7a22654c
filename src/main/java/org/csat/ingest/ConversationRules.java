package org.csat.ingest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The input contract's rules for a whole conversation, shared by the JSON and CSV readers so
 * both formats accept and reject alike. Repairs (each documented in docs/reliability.md):
 * ids and role names are trimmed, roles lower-cased; an exact repeat of a message (same
 * explicit ts, role, agent_id, event and text: an exporter's double row) is kept once; a
 * message without {@code ts} inherits the previous message's (the first one inherits
 * {@code started_at}); CSV conversations without {@code started_at} start at their first
 * message; a missing {@code ended_at} becomes the last message's {@code ts} (never before
 * {@code started_at}), while a given {@code ended_at} before {@code started_at} is rejected; a missing
 * {@code channel} becomes {@code chat}. Messages are then ordered by ts, then by source
 * position, and numbered from 0. Text counts as empty when it holds nothing but white space,
 * including no-break and zero-width spaces.
 */
final class ConversationRules {
    static final Set<String> ROLES = Set.of("customer", "bot", "agent", "system");
    private static final Pattern DECIMAL = Pattern.compile("[+]?[0-9]{1,9}(?:\\.[0-9]{0,9})?");
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final Pattern BLANK = Pattern.compile("[\\s\\p{Z}\\u200B-\\u200D\\u2060\\uFEFF]*");

    private ConversationRules() {}

    /**
     * One message checked against the contract: a known role, text where the role needs it,
     * a readable timestamp if any. {@code position} is its place in the source (array index or
     * CSV row), {@code index} its number in the reasons, {@code where} the prefix a reason puts
     * before a field's name ({@code "message 3 "}; nothing for a CSV row, which is one message).
     */
    static MessageDraft message(
            int position,
            int index,
            String where,
            String role,
            String text,
            String ts,
            String agentId,
            String event,
            int maxChars)
            throws RejectedRecord {
        if (role == null) {
            throw new RejectedRecord(Reasons.MISSING_FIELD, where + "role is missing or empty");
        }
        String checkedRole = role(role, index);
        checkText(checkedRole, text, index, maxChars);
        return new MessageDraft(
                position, ts == null ? null : Timestamps.parse(where + "ts", ts), checkedRole, agentId, event, text);
    }

    static String role(String value, int position) throws RejectedRecord {
        String role = value.strip().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
            throw new RejectedRecord(
                    Reasons.UNKNOWN_ROLE,
                    "message " + (position + 1) + " has role '" + Timestamps.abbreviate(value)
                            + "'; expected customer, bot, agent or system");
        }
        return role;
    }

    static void checkText(String role, String text, int position, int maxChars) throws RejectedRecord {
        if ("system".equals(role)) {
            return;
        }
        if (text == null) {
            throw new RejectedRecord(
                    Reasons.MISSING_FIELD, "message " + (position + 1) + " (" + role + ") has no text");
        }
        if (BLANK.matcher(text).matches()) {
            throw new RejectedRecord(
                    Reasons.EMPTY_TEXT, "message " + (position + 1) + " (" + role + ") has empty text");
        }
        if (text.length() > maxChars) {
            throw new RejectedRecord(
                    Reasons.OVERSIZE_TEXT,
                    "message " + (position + 1) + " (" + role + ") is " + text.length()
                            + " characters long; the limit is " + maxChars + " (ingest.max_message_chars)");
        }
    }

    /**
     * A survey score: a whole number from 1 to 5, given as a JSON number or as decimal digits
     * ({@code 4}, {@code "4"}, {@code 4.0}); Java's other number forms ({@code "4d"}, {@code "0x1p2"},
     * {@code "Infinity"}) are no survey score anyone typed, so they are rejected.
     */
    static Integer csat(Object value) throws RejectedRecord {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (value instanceof BigDecimal || DECIMAL.matcher(text).matches()) {
            BigDecimal number = value instanceof BigDecimal exact ? exact : new BigDecimal(text);
            if (number.signum() > 0 && number.stripTrailingZeros().scale() <= 0 && number.compareTo(FIVE) <= 0) {
                return number.intValueExact();
            }
        }
        throw new RejectedRecord(
                Reasons.BAD_CSAT, "csat '" + Timestamps.abbreviate(text) + "' is not a whole number from 1 to 5");
    }

    /** Checks the conversation as a whole and returns its messages ordered and numbered. */
    static List<MessageDraft> finish(ConversationDraft draft) throws RejectedRecord {
        if (draft.conversationId == null || draft.conversationId.isBlank()) {
            throw new RejectedRecord(Reasons.MISSING_FIELD, "conversation_id is missing");
        }
        draft.conversationId = identifier("conversation_id", draft.conversationId.strip());
        draft.customerId = identifier("customer_id", draft.customerId);
        draft.channel = wellFormed(draft.channel);
        draft.language = wellFormed(draft.language);
        draft.topic = wellFormed(draft.topic);
        if (draft.metadata.keySet().stream().anyMatch(k -> !k.equals(wellFormed(k)))
                || draft.metadata.values().stream().anyMatch(v -> v != null && !v.equals(wellFormed(v)))) {
            Map<String, String> repaired = new TreeMap<>();
            draft.metadata.forEach((k, v) -> repaired.put(wellFormed(k), wellFormed(v)));
            draft.metadata.clear();
            draft.metadata.putAll(repaired);
        }
        if (draft.messages.isEmpty()) {
            throw new RejectedRecord(Reasons.NO_MESSAGES, "conversation has no messages");
        }
        if (draft.messages.stream().allMatch(m -> "system".equals(m.role()))) {
            throw new RejectedRecord(
                    Reasons.ONLY_SYSTEM_MESSAGES,
                    "conversation has only system events, no customer, bot or agent message");
        }
        List<MessageDraft> sourceOrder = withoutRepeats(draft.messages);
        if (draft.startedAt == null) {
            draft.startedAt = sourceOrder.stream()
                    .map(MessageDraft::ts)
                    .filter(t -> t != null)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            if (draft.startedAt == null) {
                throw new RejectedRecord(Reasons.MISSING_FIELD, "started_at is missing and no message has a ts");
            }
        }
        List<MessageDraft> filled = new ArrayList<>(sourceOrder.size());
        Timestamp previous = draft.startedAt;
        for (MessageDraft m : sourceOrder) {
            Timestamp ts = m.ts() == null ? previous : m.ts();
            filled.add(new MessageDraft(
                    m.position(), ts, m.role(), wellFormed(m.agentId()), wellFormed(m.event()), wellFormed(m.text())));
            previous = ts;
        }
        filled.sort(Comparator.comparing(MessageDraft::ts).thenComparingInt(MessageDraft::position));
        List<MessageDraft> ordered = new ArrayList<>(filled.size());
        for (int seq = 0; seq < filled.size(); seq++) {
            MessageDraft m = filled.get(seq);
            ordered.add(new MessageDraft(seq, m.ts(), m.role(), m.agentId(), m.event(), m.text()));
        }
        if (draft.endedAt == null) {
            Timestamp last = ordered.get(ordered.size() - 1).ts();
            draft.endedAt = last.before(draft.startedAt) ? draft.startedAt : last;
        } else if (draft.endedAt.before(draft.startedAt)) {
            throw new RejectedRecord(
                    Reasons.INCONSISTENT_TIMESTAMPS,
                    "ended_at " + draft.endedAt.toInstant() + " is before started_at " + draft.startedAt.toInstant());
        }
        if (draft.channel == null || draft.channel.isBlank()) {
            draft.channel = "chat";
        }
        return ordered;
    }

    /**
     * The text with each lone UTF-16 surrogate (half a character: what a JSON escape of a cut-off
     * emoji leaves) replaced by U+FFFD. UTF-8 cannot store half a character, and Spark would
     * write a {@code ?} for it.
     */
    static String wellFormed(String text) {
        if (text == null || text.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** An identifier as given; one holding a lone surrogate is rejected, since repairing it could make two ids one. */
    static String identifier(String field, String value) throws RejectedRecord {
        String repaired = wellFormed(value);
        if (repaired != null && !repaired.equals(value)) {
            throw new RejectedRecord(
                    Reasons.NOT_UTF8,
                    field + " '" + Timestamps.abbreviate(repaired) + "' holds a lone surrogate (half a"
                            + " character, shown as \uFFFD), which UTF-8 cannot store; fix the exporter's \\u escapes");
        }
        return value;
    }

    /** Messages in source order, an exact repeat of an earlier message with an explicit ts dropped. */
    private static List<MessageDraft> withoutRepeats(List<MessageDraft> messages) {
        List<MessageDraft> sourceOrder = new ArrayList<>(messages);
        sourceOrder.sort(Comparator.comparingInt(MessageDraft::position));
        Set<List<Object>> seen = new HashSet<>();
        List<MessageDraft> kept = new ArrayList<>(sourceOrder.size());
        for (MessageDraft m : sourceOrder) {
            if (m.ts() == null
                    || seen.add(java.util.Arrays.asList(m.ts(), m.role(), m.agentId(), m.event(), m.text()))) {
                kept.add(m);
            }
        }
        return kept;
    }
}
