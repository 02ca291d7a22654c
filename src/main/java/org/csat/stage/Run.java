package org.csat.stage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One run of the pipeline: its id (written into the rows it produces, e.g.
 * {@code bronze_conversations.ingest_run_id}) and the time it started.
 */
public record Run(String id, Timestamp startedAt) {
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public Run {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a run needs a non-empty id");
        }
        if (startedAt == null) {
            throw new IllegalArgumentException("run " + id + " needs its start time");
        }
    }

    /** A new run starting now, with an id that sorts by time and is unique across machines. */
    public static Run startingNow() {
        Instant now = Instant.now();
        return new Run(
                "run-" + ID_TIME.format(now) + "-"
                        + UUID.randomUUID().toString().substring(0, 8),
                Timestamp.from(now));
    }
}
