package org.csat.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Parses the contract's ISO-8601 instants: {@code 2024-03-01T10:15:00Z},
 * {@code 2024-03-01T10:15:00.250+01:00}, and the common space-separated export form
 * {@code 2024-03-01 10:15:00Z}. A time without a zone is rejected: guessing one would move
 * conversations across days.
 */
final class Timestamps {
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter();

    private Timestamps() {
    }

    static Timestamp parse(String field, String value) throws RejectedRecord {
        String text = value.strip();
        try {
            return Timestamp.from(OffsetDateTime.parse(text, OFFSET).toInstant());
        } catch (DateTimeParseException first) {
            try {
                return Timestamp.from(Instant.parse(text));
            } catch (DateTimeParseException second) {
                throw new RejectedRecord(Reasons.BAD_TIMESTAMP, field + " '" + abbreviate(text)
                        + "' is not an ISO-8601 instant with a time zone (e.g. 2024-03-01T10:15:00Z)");
            }
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
