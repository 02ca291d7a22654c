package org.csat.ingest;

import java.io.IOException;

/** A record runs past {@code ingest.max_record_chars} (e.g. an unclosed CSV quote): the file cannot be split further. */
final class RecordTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLargeException(String message) {
        super(message);
    }
}
