package org.csat.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the contract's ISO-8601 instants: {@code 2024-03-01T10:15:00Z},
 * {@code 2024-03-01T10:15:00.250+01:00}, the common space-separated export form
 * {@code 2024-03-01 10:15:00Z}, and offsets written without a colon ({@code +0100}) or
 * without minutes ({@code +01}). Epoch numbers (10 digits: seconds, 13 digits: milliseconds)
 * are accepted as what many exporters write. A date that does not exist ({@code 2025-02-30},
 * {@code 2024-04-31}) is rejected, never moved to a nearby one. A time without a zone is rejected: guessing one
 * would move conversations across days. Instants before 1970 or from 2100 on are rejected as
 * implausible (they are typing or unit errors, and would sort conversations into nonsense days).
 */
final class Timestamps {
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(?:\\d{3})?");
    private static final List<DateTimeFormatter> FORMATS =
            List.of(withOffset("+HH:MM:ss"), withOffset("+HHMM"), withOffset("+HH"));

    private Timestamps() {}

    private static DateTimeFormatter withOffset(String offsetPattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .optionalStart()
                .appendLiteral('T')
                .optionalEnd()
                .optionalStart()
                .appendLiteral(' ')
                .optionalEnd()
                .append(DateTimeFormatter.ISO_LOCAL_TIME)
                .optionalStart()
                .appendLiteral(' ')
                .optionalEnd()
                .appendOffset(offsetPattern, "Z")
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
    }

    static Timestamp parse(String field, String value) throws RejectedRecord {
        String text = value.strip();
        Instant instant = EPOCH.matcher(text).matches() ? epoch(text) : iso(text);
        if (instant == null) {
            throw new RejectedRecord(
                    Reasons.BAD_TIMESTAMP,
                    field + " '" + abbreviate(text)
                            + "' is not an ISO-8601 instant with a time zone (e.g. 2024-03-01T10:15:00Z)");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new RejectedRecord(
                    Reasons.BAD_TIMESTAMP,
                    field + " '" + abbreviate(text) + "' is outside the plausible range 1970-2099");
        }
        return Timestamp.from(instant);
    }

    private static Instant epoch(String digits) {
        long number = Long.parseLong(digits);
        return digits.length() == 13 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }

    private static Instant iso(String text) {
        for (DateTimeFormatter format : FORMATS) {
            try {
                return OffsetDateTime.parse(text, format).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
