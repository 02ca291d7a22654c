package org.csat.generate;

/**
 * The pools of wording a {@link PhraseBook} holds for one language. Customer pools vary
 * freely; bot pools hold exactly one fixed string each, because a real bot repeats its
 * templates verbatim; agent pools vary a little, as people do. Placeholders in braces
 * ({@code {order}}, {@code {name}}, {@code {email}} ...) are filled in by the scripts.
 */
enum Phrase {
    GREETING,
    SHORT_OPENER,
    POLITE_CLOSING,
    ANNOYED_ADDON,
    ANGRY_ADDON,
    REPEAT_OPENER,
    ORDER_DETAIL,
    CONFIRM,
    SHORT_ACK,
    NO_MORE,
    FRUSTRATION,
    ASK_HUMAN,
    NOT_UNDERSTOOD,
    REPHRASE_PREFIX,
    WAITING,
    FOLLOWUP_QUESTION,
    STILL_HERE,
    PII_EMAIL,
    PII_PHONE,
    PII_CARD,
    PII_IBAN,
    PII_HANDLE,

    BOT_GREETING,
    BOT_FALLBACK,
    BOT_ASK_ORDER,
    BOT_DID_IT_HELP,
    BOT_ANYTHING_ELSE,
    BOT_HANDOFF,
    BOT_NO_AGENTS,
    BOT_GOODBYE,

    AGENT_GREETING,
    AGENT_HANDOFF_GREETING,
    AGENT_EMPATHY,
    AGENT_ASK_ORDER,
    AGENT_CHECKING,
    /** Paired by position with {@link #FOLLOWUP_QUESTION}: the i-th answers the i-th. */
    AGENT_FOLLOWUP_ANSWER,
    AGENT_UNRESOLVED,
    AGENT_STILL_THERE,
    AGENT_CLOSING,
    AGENT_TRANSFER;

    /** Bot pools must hold a single template so every bot turn is an exact repeat. */
    boolean isBotTemplate() {
        return name().startsWith("BOT_");
    }
}
