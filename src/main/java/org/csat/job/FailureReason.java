package org.csat.job;

/**
 * A failure in one line a person can act on, for {@code pipeline_runs.error} and the last line
 * of stderr: the exception's message, and its root cause's when that says more; whitespace
 * folded, at most 400 characters.
 */
public final class FailureReason {
    private static final int MAX_CHARS = 400;

    private FailureReason() {}

    public static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() <= MAX_CHARS ? message : message.substring(0, MAX_CHARS - 3) + "...";
    }
}
