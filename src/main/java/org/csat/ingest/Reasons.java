package org.csat.ingest;

/**
 * Reason codes written to {@code quarantine.reason_code}, each paired with a sentence in
 * {@code quarantine.reason} that says what was wrong in words a person acts on.
 * docs/reliability.md lists every code with an example and what to do about it.
 */
enum Reasons {
    NOT_UTF8,
    BAD_JSON,
    NOT_AN_OBJECT,
    RECORD_TOO_LARGE,
    MISSING_FIELD,
    WRONG_TYPE,
    UNKNOWN_ROLE,
    BAD_TIMESTAMP,
    INCONSISTENT_TIMESTAMPS,
    BAD_CSAT,
    EMPTY_TEXT,
    OVERSIZE_TEXT,
    NO_MESSAGES,
    ONLY_SYSTEM_MESSAGES,
    CONFLICTING_FIELDS,
    SIBLING_ROW_REJECTED,
    DUPLICATE_CONVERSATION,
    CSV_RAGGED_ROW,
    CSV_MISSING_COLUMNS,
    BAD_CSV,
    INCOMPLETE_FILE,
    EMPTY_FILE,
    UNSUPPORTED_FILE,
    BINARY_FILE,
    TRUNCATED_FILE,
    UNREADABLE_FILE,
    UNREADABLE_FOLDER,
    BROKEN_LINK,
    LINK_LOOP,
    NOT_A_REGULAR_FILE,
    BAD_NIGHT_FOLDER;

    /** The code as stored: lower snake case. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The reason for a stored code. */
    static Reasons of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
