package org.csat.ingest;

import java.io.IOException;

/** The file's syntax breaks at some point (CSV quoting, a JSON document), so no record after it can be delimited. */
final class MalformedFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Reasons reason;

    MalformedFileException(Reasons reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reasons reason() {
        return reason;
    }
}
