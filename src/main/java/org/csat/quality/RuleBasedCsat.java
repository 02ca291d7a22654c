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
 * train a model ({@code quality.csat_model.min_surveys}) and reported beside the model. Its
 * weights are set by judgment, not fitted:
 * <pre>
 *   start from the resolution status: confirmed 4.5, assumed 3.8, escalated 3.2,
 *                                     repeat_contact 2.6, abandoned 2.0
 *   + 0.8 x mean customer sentiment (-1..1; 0 when not scored)
 *   + 0.3 when the customer's last message thanks or confirms
 *   - 0.5 when the customer's last message complains or asks for a human
 *   - 0.4 when any customer message shows frustration
 *   - 0.3 when the customer said it is still unresolved
 *   - 0.3 when the customer asked for a human
 *   - 0.3 when the customer repeated themself, - 0.3 for a bot loop
 *   - 0.2 per bot "didn't understand" reply (at most 3)
 *   - 0.1 per customer turn beyond 4 (at most 0.5)
 *   clipped to 1..5
 * </pre>
 * Columns are those of {@link ConversationFeatures}.
 */
public final class RuleBasedCsat {
    private RuleBasedCsat() {}

    public static Column score() {
        Column base = when(col("status_confirmed").equalTo(1.0), 4.5)
                .when(col("status_abandoned").equalTo(1.0), 2.0)
                .when(col("status_repeat_contact").equalTo(1.0), 2.6)
                .when(col("status_escalated").equalTo(1.0), 3.2)
                .otherwise(3.8);
        Column turnsBeyondFour = least(
                lit(0.5),
                greatest(lit(0.0), expm1(col("log_customer_turns")).minus(4.0).multiply(0.1)));
        Column score = base.plus(col("sentiment_mean").multiply(0.8))
                .plus(col("last_customer_positive").multiply(0.3))
                .minus(col("last_customer_negative").multiply(0.5))
                .minus(when(col("customer_frustration").gt(0), 0.4).otherwise(0.0))
                .minus(when(col("customer_unresolved").gt(0), 0.3).otherwise(0.0))
                .minus(when(col("asked_for_human").gt(0), 0.3).otherwise(0.0))
                .minus(col("customer_repeated_self").multiply(0.3))
                .minus(col("bot_loop").multiply(0.3))
                .minus(col("bot_fallbacks").multiply(0.2))
                .minus(turnsBeyondFour);
        return least(lit(5.0), greatest(lit(1.0), score));
    }
}
