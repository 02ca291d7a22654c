package org.csat.tables;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs one Delta write of a run that another run may be writing to at the same time. Delta
 * commits optimistically: when a concurrent commit touched what this one read, Delta refuses
 * the commit with a {@link java.util.ConcurrentModificationException} subclass and nothing of
 * it is visible. Every write of the pipeline is an idempotent MERGE or a full rebuild computed
 * inside the write, so it is simply done again on the new table version, up to
 * {@link #ATTEMPTS} times with a growing, jittered pause; then the run fails with
 * {@link ConcurrentRunException}, whose one-line message tells the operator to re-run (Delta's
 * own long message stays in the stack trace, as a suppressed exception).
 */
public final class ConcurrentWrites {
    public static final int ATTEMPTS = 5;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConcurrentWrites.class);
    private static final long PAUSE_MILLIS = 1000;

    private ConcurrentWrites() {}

    public static <T> T retrying(Table table, Supplier<T> write) {
        return retrying(table, ATTEMPTS, PAUSE_MILLIS, write);
    }

    /**
     * As {@link #retrying(Table, Supplier)} with {@code attempts} attempts, pausing
     * {@code pauseMillis} times the attempt number (plus jitter) between them.
     */
    public static <T> T retrying(Table table, int attempts, long pauseMillis, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    ConcurrentRunException gaveUp =
                            new ConcurrentRunException("another run is writing to " + table.tableName()
                                    + " at the same time (Delta refused " + attempts + " commits: "
                                    + e.getClass().getSimpleName()
                                    + "); re-run later");
                    gaveUp.addSuppressed(e);
                    throw gaveUp;
                }
                LOG.warn(
                        "another run committed to {} meanwhile ({}); writing again, attempt {} of {}",
                        table.tableName(),
                        e.getClass().getSimpleName(),
                        attempt + 1,
                        attempts);
                pause(pauseMillis, attempt);
            }
        }
    }

    /** Whether {@code e}, or an exception it wraps, is Delta refusing a commit because of a concurrent one. */
    public static boolean isConflict(Throwable e) {
        return hasCause(e, t -> t instanceof java.util.ConcurrentModificationException);
    }

    /** Whether {@code e} or an exception in its cause chain matches. */
    static boolean hasCause(Throwable e, Predicate<Throwable> matches) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps; an interrupt is kept on the thread and fails the wait, naming what it was for. */
    static void sleep(long millis, String waitingFor) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting " + waitingFor, e);
        }
    }

    private static void pause(long pauseMillis, int attempt) {
        sleep(
                pauseMillis * attempt + ThreadLocalRandom.current().nextLong(pauseMillis + 1),
                "to retry a conflicting write");
    }
}
