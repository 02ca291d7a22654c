package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Messages with {@link MessageSignals} -> per conversation whether the customer
 * {@code confirmed} the answer worked and whether they {@code abandoned} it mid-problem, the
 * two outcomes read from the transcript itself ({@link ResolutionStatus} combines them with
 * handoff and repeat contact).
 * <p>
 * The "answer" is the first bot or agent message after the customer's first message.
 * <b>Confirmed</b>: after the answer, a customer message says thanks or that it worked
 * ({@code positive_close}; it may itself ask a follow-up question), and no later customer
 * message complains, asks for a human or asks another question. <b>Abandoned</b> (when not confirmed): the customer never wrote; or nobody
 * answered the customer; or the source recorded an abandonment event
 * ({@code quality.abandon_events}, e.g. {@code timeout}) after the last message, unless that
 * message was a bot/agent wrap-up ({@code closing_offer}) or a customer goodbye; or the last word is the customer's,
 * after the answer, and is a complaint or a question nobody answered; or the last word is a
 * bot/agent question that is not a wrap-up (the customer stopped replying when an answer was
 * expected); or the customer's last message after the answer complains or asks for a human and
 * no human (agent message or handoff) came after it.
 */
final class ClassifyResolution {
    private final Set<String> abandonEvents;

    public ClassifyResolution(Set<String> abandonEvents) {
        this.abandonEvents = Set.copyOf(abandonEvents);
    }

    /** @param messages output of {@link MessageSignals}, with {@code conversation_id, seq, role, event} */
    public Dataset<Row> apply(Dataset<Row> messages) {
        WindowSpec conversation = Window.partitionBy("conversation_id");
        Column isCustomer = col("role").equalTo("customer");
        Column isResponder = col("role").isin("bot", "agent");
        Column isSystem = col("role").equalTo("system");
        Dataset<Row> m = messages.withColumn(
                        "first_customer_seq", min(when(isCustomer, col("seq"))).over(conversation))
                .withColumn(
                        "answer_seq",
                        min(when(isResponder.and(col("seq").gt(col("first_customer_seq"))), col("seq")))
                                .over(conversation))
                .withColumn("after_answer", coalesce(col("seq").gt(col("answer_seq")), lit(false)));

        Column abandonEvent = isSystem.and(lower(col("event")).isin(abandonEvents.toArray()));
        Dataset<Row> perConversation = m.groupBy("conversation_id")
                .agg(
                        sum(when(isCustomer, 1).otherwise(0)).as("customer_messages"),
                        min(col("answer_seq")).as("answer_seq"),
                        max(when(col("positive_close").and(col("after_answer")), col("seq")))
                                .as("last_positive_seq"),
                        max(when(
                                        isCustomer
                                                .and(col("after_answer"))
                                                .and(col("negative").or(col("is_question"))),
                                        col("seq")))
                                .as("last_blocker_seq"),
                        max(when(abandonEvent, col("seq"))).as("abandon_event_seq"),
                        max(when(
                                        isCustomer.or(isResponder),
                                        struct(
                                                col("seq"),
                                                col("role"),
                                                col("is_question"),
                                                col("sig_closing_offer"),
                                                col("sig_goodbye"),
                                                col("negative"),
                                                col("after_answer"))))
                                .as("last_word"),
                        max(when(isCustomer, struct(col("seq"), col("negative"), col("after_answer"))))
                                .as("last_customer"),
                        max(when(
                                        col("role")
                                                .equalTo("agent")
                                                .or(isSystem.and(
                                                        lower(col("event")).equalTo("handoff"))),
                                        col("seq")))
                                .as("last_human_seq"));

        Column confirmed = col("last_positive_seq")
                .isNotNull()
                .and(col("last_blocker_seq").isNull().or(col("last_blocker_seq").leq(col("last_positive_seq"))));
        Column lastWordCustomer = col("last_word.role").equalTo("customer");
        Column wrapUp = not(lastWordCustomer)
                .and(col("last_word.sig_closing_offer"))
                .or(lastWordCustomer.and(col("last_word.sig_goodbye")));
        Column eventAtEnd = coalesce(col("abandon_event_seq").gt(col("last_word.seq")), lit(false));
        Column abandoned = col("customer_messages")
                .equalTo(0)
                .or(col("answer_seq").isNull())
                .or(eventAtEnd.and(not(wrapUp)))
                .or(lastWordCustomer
                        .and(col("last_word.after_answer"))
                        .and(col("last_word.negative").or(col("last_word.is_question"))))
                .or(not(lastWordCustomer)
                        .and(col("last_word.is_question"))
                        .and(not(col("last_word.sig_closing_offer"))))
                .or(col("last_customer.negative")
                        .and(col("last_customer.after_answer"))
                        .and(coalesce(col("last_human_seq").lt(col("last_customer.seq")), lit(true))));
        return perConversation.select(
                col("conversation_id"),
                coalesce(confirmed, lit(false)).as("confirmed"),
                coalesce(not(confirmed), lit(true))
                        .and(coalesce(abandoned, lit(false)))
                        .as("abandoned"));
    }
}
