package org.csat.ingest;

/**
 * Reason codes written to {@code quarantine.reason_code}, each paired with a sentence in
 * {@code quarantine.reason} that says what was wrong in words a person acts on.
 */
public enum Reasons {
    NOT_UTF8,
    BAD_JSON,
    NOT_AN_OBJECT,
    RECORD_TOO_LARGE,
    MISSING_FIELD,
    WRONG_TYPE,
    UNKNOWN_ROLE,
    BAD_TIMESTAMP,
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
    UNSUPPORTED_FILE,
    BINARY_FILE,
    TRUNCATED_FILE,
    UNREADABLE_FILE;

    /** The code as stored: lower snake case. */
    public String code() {
        return name().toLowerCase();
    }
}
