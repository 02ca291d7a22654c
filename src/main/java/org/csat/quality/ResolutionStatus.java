package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The values of {@code resolution_status} and how they combine. One status per conversation,
 * the first that applies: {@code abandoned} (the customer left mid-problem), then
 * {@code repeat_contact} (the same customer came back within {@code quality.repeat_window_days}),
 * {@code confirmed} (the customer accepted the answer: thanked, said it worked or acknowledged
 * it), {@code redirected} (the last word sent the customer elsewhere or promised a later
 * answer), {@code escalated} (the bot handed over to a human), {@code assumed} (none of these:
 * no further request, no return so far). {@code resolved} by these rules is true for
 * confirmed, escalated (the human it went to closed it without the customer leaving or
 * returning) and assumed; a resolution model can decide it instead ({@link PredictResolution}).
 * A conversation whose window is still open is judged on what is known: it becomes a repeat
 * contact when the customer's next conversation arrives (the nightly job re-evaluates it).
 */
public final class ResolutionStatus {
    public static final String CONFIRMED = "confirmed";
    public static final String ASSUMED = "assumed";
    public static final String REPEAT_CONTACT = "repeat_contact";
    public static final String ESCALATED = "escalated";
    public static final String ABANDONED = "abandoned";
    public static final String REDIRECTED = "redirected";
    public static final List<String> ALL =
            List.of(CONFIRMED, ASSUMED, REPEAT_CONTACT, ESCALATED, ABANDONED, REDIRECTED);

    private ResolutionStatus() {}

    /** The status from the transcript alone, before repeat contact is known. */
    public static Column fromTranscript(Column confirmed, Column abandoned, Column redirected, Column handoff) {
        return when(confirmed, lit(CONFIRMED))
                .when(abandoned, lit(ABANDONED))
                .when(redirected, lit(REDIRECTED))
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

    /**
     * The final {@code resolution_rule}: {@code handoff} when the status is escalated,
     * {@code repeat_contact} when it is a repeat contact, else the transcript's rule.
     */
    public static Column rule(Column status, Column transcriptRule) {
        return when(status.equalTo(ESCALATED), lit("handoff"))
                .when(status.equalTo(REPEAT_CONTACT), lit(REPEAT_CONTACT))
                .otherwise(transcriptRule);
    }

    /**
     * The final {@code resolution_evidence}: for a handoff or a return, what happened, followed
     * by what the transcript showed (kept once however often this is applied).
     */
    public static Column evidence(Column status, Column rule, Column transcriptEvidence) {
        Column handoff = concat(lit("handed over to a human; "), transcriptEvidence);
        Column returned = concat(lit("the same customer came back within the repeat window; "), transcriptEvidence);
        return when(status.equalTo(ESCALATED).and(rule.notEqual("handoff")), handoff)
                .when(status.equalTo(REPEAT_CONTACT).and(rule.notEqual(REPEAT_CONTACT)), returned)
                .otherwise(transcriptEvidence);
    }

    public static Column resolved(Column status) {
        return status.isin(CONFIRMED, ESCALATED, ASSUMED);
    }
}
