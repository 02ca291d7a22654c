package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The values of {@code resolution_status} and how they combine. One status per conversation,
 * the first that applies: {@code abandoned} (the customer left mid-problem), then
 * {@code repeat_contact} (the same customer came back within {@code quality.repeat_window_days}),
 * {@code confirmed} (the customer said it worked or thanked after the answer),
 * {@code escalated} (the bot handed over to a human), {@code assumed} (none of these: no
 * further request, no return so far). {@code resolved} is true for confirmed, escalated (the
 * human it went to closed it without the customer leaving or returning) and assumed.
 * A conversation whose window is still open is judged on what is known: it becomes a repeat
 * contact when the customer's next conversation arrives (the nightly job re-evaluates it).
 */
final class ResolutionStatus {
    public static final String CONFIRMED = "confirmed";
    public static final String ASSUMED = "assumed";
    public static final String REPEAT_CONTACT = "repeat_contact";
    public static final String ESCALATED = "escalated";
    public static final String ABANDONED = "abandoned";
    public static final List<String> ALL = List.of(CONFIRMED, ASSUMED, REPEAT_CONTACT, ESCALATED, ABANDONED);

    private ResolutionStatus() {}

    /** The status from the transcript alone, before repeat contact is known. */
    public static Column fromTranscript(Column confirmed, Column abandoned, Column handoff) {
        return when(confirmed, lit(CONFIRMED))
                .when(abandoned, lit(ABANDONED))
                .when(handoff, lit(ESCALATED))
                .otherwise(lit(ASSUMED));
    }

    /**
     * The final status: {@code status} (from {@link #fromTranscript}, or a final status, on
     * which this is idempotent) with a repeat contact taking precedence over all but abandoned.
     */
    public static Column withRepeatContact(Column status, Column repeatContact) {
        return when(status.equalTo(ABANDONED), lit(ABANDONED))
                .when(coalesce(repeatContact, lit(false)), lit(REPEAT_CONTACT))
                .otherwise(status);
    }

    public static Column resolved(Column status) {
        return status.isin(CONFIRMED, ESCALATED, ASSUMED);
    }
}
