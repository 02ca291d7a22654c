package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expm1;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The documented rule-based CSAT estimate, used when too few conversations carry a survey to
 * train a model ({@code quality.csat_model.min_surveys}), or when the model does not agree
 * better with the held-out surveys, and reported beside the model. Its weights are set by
 * judgment, not fitted:
 * <pre>
 *   start from the resolution: the resolution model's probability p when it decided
 *                              (2.0 + 2.5 p: from "abandoned" to "confirmed"), else the status:
 *                              confirmed 4.5, assumed 3.8, escalated 3.2, redirected 2.8,
 *                              repeat_contact 2.6, abandoned 2.0
 *   + 0.4 x mean customer sentiment (-1..1; 0 when not scored)
 *   + 0.4 x mean sentiment of the customer's last two messages (the tone they leave with)
 *   + 0.3 when the customer's last message thanks, confirms or acknowledges
 *   - 0.5 when the customer's last message complains or asks for a human
 *   - 0.4 when any customer message shows frustration
 *   - 0.3 when the customer said it is still unresolved
 *   - 0.3 when the customer asked for a human
 *   - 0.3 when a bot or agent sent the customer elsewhere (call, visit, write)
 *   - 0.2 when a bot or agent promised a call-back or asked them to wait
 *   - 0.2 per question of the customer nobody answered (at most 0.6)
 *   - 0.3 when the customer repeated themself, - 0.3 for a bot loop
 *   - 0.2 per bot "didn't understand" reply (at most 3)
 *   - 0.1 per customer turn beyond 4 (at most 0.5)
 *   - 0.1 per 50 customer words beyond 50 (at most 0.4): the effort of explaining
 *   clipped to 1..5
 * </pre>
 * Columns are those of {@link ConversationFeatures#withResolution}.
 */
public final class RuleBasedCsat {
    private RuleBasedCsat() {}

    public static Column score() {
        Column byStatus = when(col("status_confirmed").equalTo(1.0), 4.5)
                .when(col("status_abandoned").equalTo(1.0), 2.0)
                .when(col("status_repeat_contact").equalTo(1.0), 2.6)
                .when(col("status_redirected").equalTo(1.0), 2.8)
                .when(col("status_escalated").equalTo(1.0), 3.2)
                .otherwise(3.8);
        Column base = when(
                        col("resolution_probability").isNotNull(),
                        lit(2.0).plus(col("resolution_p").multiply(2.5)))
                .otherwise(byStatus);
        Column turnsBeyondFour = least(
                lit(0.5),
                greatest(lit(0.0), expm1(col("log_customer_turns")).minus(4.0).multiply(0.1)));
        Column wordsBeyondFifty = least(
                lit(0.4),
                greatest(
                        lit(0.0),
                        expm1(col("log_customer_words"))
                                .minus(50.0)
                                .divide(50.0)
                                .multiply(0.1)));
        Column score = base.plus(col("sentiment_mean").multiply(0.4))
                .plus(col("sentiment_last2").multiply(0.4))
                .plus(col("last_customer_positive").multiply(0.3))
                .minus(col("last_customer_negative").multiply(0.5))
                .minus(when(col("customer_frustration").gt(0), 0.4).otherwise(0.0))
                .minus(when(col("customer_unresolved").gt(0), 0.3).otherwise(0.0))
                .minus(when(col("asked_for_human").gt(0), 0.3).otherwise(0.0))
                .minus(when(col("redirected").gt(0), 0.3).otherwise(0.0))
                .minus(when(col("callback_promised").gt(0), 0.2).otherwise(0.0))
                .minus(col("unanswered_questions").multiply(0.2))
                .minus(col("customer_repeated_self").multiply(0.3))
                .minus(col("bot_loop").multiply(0.3))
                .minus(col("bot_fallbacks").multiply(0.2))
                .minus(turnsBeyondFour)
                .minus(wordsBeyondFifty);
        return least(lit(5.0), greatest(lit(1.0), score));
    }
}
