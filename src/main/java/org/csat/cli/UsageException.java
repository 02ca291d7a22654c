package org.csat.cli;

/** Thrown for a command line that cannot be understood; the message says what is wrong. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
