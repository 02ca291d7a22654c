package org.csat.tables;

/**
 * Another run is writing to the same warehouse and this one gave way. The message is the one
 * line the scheduler's operator reads on stderr; the run changed nothing that a re-run would
 * not redo.
 */
public final class ConcurrentRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentRunException(String message) {
        super(message);
    }
}
