package org.csat.ingest;

/**
 * Thrown by the record parsers for a record that breaks the input contract; the reader
 * turns it into a quarantine row instead of failing the task.
 */
final class RejectedRecord extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reasons reason;

    RejectedRecord(Reasons reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reasons reason() {
        return reason;
    }
}
