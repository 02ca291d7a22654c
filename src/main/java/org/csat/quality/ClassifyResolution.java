package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
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
 * Messages with {@link MessageSignals} -> per conversation the transcript's verdict: whether
 * the customer {@code confirmed} the answer, {@code abandoned} the conversation mid-problem or
 * was {@code redirected}, with the rule that decided ({@code resolution_rule}) and its evidence
 * in words with the message's {@code seq} ({@code resolution_evidence}), so an analyst can find
 * the message in silver_messages. {@link ResolutionStatus} combines them with handoff and repeat
 * contact. Also {@code unanswered_questions}: the customer's questions after the last bot or
 * agent message, which nobody answered. The first rule that applies decides:
 * <ol>
 * <li>{@code customer_accepted} (confirmed): after the answer (the first bot or agent message
 * after the customer's first message), a customer message thanks, says it worked or
 * acknowledges it ("ok", "I see"; {@code positive_close}, which may itself ask a follow-up
 * question), and no later customer message complains, asks for a human or asks another
 * question.</li>
 * <li>abandoned: {@code no_customer_message}; {@code no_answer} (nobody answered the customer);
 * {@code left_after_event} (a {@code quality.abandon_events} event after the last message, unless
 * that was a bot/agent wrap-up or a customer goodbye); {@code left_complaining} or
 * {@code left_question_unanswered} (the customer's last word, after the answer, is a complaint
 * or a question nobody answered); {@code stopped_replying} (the last word is a bot/agent
 * question that is not a wrap-up); {@code complaint_without_human} (the customer's last message
 * after the answer complains or asks for a human, and no human came after it).</li>
 * <li>{@code redirected} or {@code callback_promised} (redirected): the last bot/agent message,
 * after the customer's last message, sends them elsewhere (call, visit, write, another channel)
 * or defers (a call-back, "we will get back to you", forwarded, "please wait"). Only the last
 * word counts: "let me look into it" followed by the answer is an answer.</li>
 * <li>otherwise {@code answered} (the status is escalated or assumed).</li>
 * </ol>
 */
final class ClassifyResolution {
    /** {@code resolution_rule} values set here (repeat contact and handoff are set later). */
    static final String ACCEPTED = "customer_accepted";

    static final String ANSWERED = "answered";

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
                        "last_customer_seq", max(when(isCustomer, col("seq"))).over(conversation))
                .withColumn(
                        "last_responder_seq", max(when(isResponder, col("seq"))).over(conversation))
                .withColumn(
                        "answer_seq",
                        min(when(isResponder.and(col("seq").gt(col("first_customer_seq"))), col("seq")))
                                .over(conversation))
                .withColumn("after_answer", coalesce(col("seq").gt(col("answer_seq")), lit(false)));

        Column abandonEvent = isSystem.and(lower(col("event")).isin(abandonEvents.toArray()));
        Column finalWord = isResponder.and(col("seq").gt(col("last_customer_seq")));
        Dataset<Row> perConversation = m.groupBy("conversation_id")
                .agg(
                        sum(when(isCustomer, 1).otherwise(0)).as("customer_messages"),
                        sum(when(
                                                isCustomer
                                                        .and(col("is_question"))
                                                        .and(coalesce(
                                                                col("seq").gt(col("last_responder_seq")), lit(true))),
                                                1)
                                        .otherwise(0))
                                .cast("int")
                                .as("unanswered_questions"),
                        min(col("answer_seq")).as("answer_seq"),
                        max(when(
                                        col("positive_close").and(col("after_answer")),
                                        struct(col("seq"), col("sig_gratitude"), col("sig_resolution_confirmed"))))
                                .as("last_positive"),
                        max(when(
                                        isCustomer
                                                .and(col("after_answer"))
                                                .and(col("negative").or(col("is_question"))),
                                        col("seq")))
                                .as("last_blocker_seq"),
                        max(when(abandonEvent, struct(col("seq"), col("event"))))
                                .as("abandon_event"),
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
                                .as("last_human_seq"),
                        max(when(
                                        finalWord,
                                        struct(
                                                col("seq"),
                                                col("role"),
                                                col("sig_redirected"),
                                                col("sig_callback_promised"))))
                                .as("final_word"));

        Column confirmed = col("last_positive")
                .isNotNull()
                .and(col("last_blocker_seq").isNull().or(col("last_blocker_seq").leq(col("last_positive.seq"))));
        Column lastWordCustomer = col("last_word.role").equalTo("customer");
        Column wrapUp = not(lastWordCustomer)
                .and(col("last_word.sig_closing_offer"))
                .or(lastWordCustomer.and(col("last_word.sig_goodbye")));
        Column eventAtEnd = coalesce(col("abandon_event.seq").gt(col("last_word.seq")), lit(false));
        Column lastSeq = col("last_word.seq").cast("string");
        Column lastCustomerSeq = col("last_customer.seq").cast("string");
        Column rule = when(coalesce(confirmed, lit(false)), lit(ACCEPTED))
                .when(col("customer_messages").equalTo(0), lit("no_customer_message"))
                .when(col("answer_seq").isNull(), lit("no_answer"))
                .when(eventAtEnd.and(not(wrapUp)), lit("left_after_event"))
                .when(
                        lastWordCustomer.and(col("last_word.after_answer")).and(col("last_word.negative")),
                        lit("left_complaining"))
                .when(
                        lastWordCustomer.and(col("last_word.after_answer")).and(col("last_word.is_question")),
                        lit("left_question_unanswered"))
                .when(
                        not(lastWordCustomer)
                                .and(col("last_word.is_question"))
                                .and(not(col("last_word.sig_closing_offer"))),
                        lit("stopped_replying"))
                .when(
                        col("last_customer.negative")
                                .and(col("last_customer.after_answer"))
                                .and(coalesce(col("last_human_seq").lt(col("last_customer.seq")), lit(true))),
                        lit("complaint_without_human"))
                .when(coalesce(col("final_word.sig_redirected"), lit(false)), lit("redirected"))
                .when(coalesce(col("final_word.sig_callback_promised"), lit(false)), lit("callback_promised"))
                .otherwise(lit(ANSWERED));
        Column acceptedAs = when(col("last_positive.sig_gratitude"), lit("thanked"))
                .when(col("last_positive.sig_resolution_confirmed"), lit("said it worked"))
                .otherwise(lit("acknowledged it"));
        Column evidence = when(
                        col("resolution_rule").equalTo(ACCEPTED),
                        concat(
                                lit("customer "),
                                acceptedAs,
                                lit(" at seq "),
                                col("last_positive.seq").cast("string"),
                                lit(", after the answer at seq "),
                                col("answer_seq").cast("string")))
                .when(col("resolution_rule").equalTo("no_customer_message"), lit("the customer never wrote"))
                .when(col("resolution_rule").equalTo("no_answer"), lit("no bot or agent answered the customer"))
                .when(
                        col("resolution_rule").equalTo("left_after_event"),
                        concat(
                                lit("event '"),
                                col("abandon_event.event"),
                                lit("' at seq "),
                                col("abandon_event.seq").cast("string"),
                                lit(" after the last message (seq "),
                                lastSeq,
                                lit(")")))
                .when(
                        col("resolution_rule").equalTo("left_complaining"),
                        concat(lit("the customer's last word (seq "), lastSeq, lit(") complains")))
                .when(
                        col("resolution_rule").equalTo("left_question_unanswered"),
                        concat(lit("the customer's last word (seq "), lastSeq, lit(") is a question nobody answered")))
                .when(
                        col("resolution_rule").equalTo("stopped_replying"),
                        concat(
                                lit("the "),
                                col("last_word.role"),
                                lit("'s question at seq "),
                                lastSeq,
                                lit(" got no reply")))
                .when(
                        col("resolution_rule").equalTo("complaint_without_human"),
                        concat(
                                lit("the customer complained or asked for a human at seq "),
                                lastCustomerSeq,
                                lit(" and no human came after it")))
                .when(
                        col("resolution_rule").equalTo("redirected"),
                        concat(
                                lit("the "),
                                col("final_word.role"),
                                lit(" sent the customer elsewhere at seq "),
                                col("final_word.seq").cast("string"),
                                lit(", after their last message (seq "),
                                lastCustomerSeq,
                                lit(")")))
                .when(
                        col("resolution_rule").equalTo("callback_promised"),
                        concat(
                                lit("the "),
                                col("final_word.role"),
                                lit(" promised a later answer or asked to wait at seq "),
                                col("final_word.seq").cast("string"),
                                lit(", after the customer's last message (seq "),
                                lastCustomerSeq,
                                lit(")")))
                .otherwise(concat(
                        lit("answered at seq "),
                        col("answer_seq").cast("string"),
                        lit("; the customer asked for nothing more")));
        return perConversation
                .withColumn("resolution_rule", rule)
                .withColumn("resolution_evidence", evidence)
                .select(
                        col("conversation_id"),
                        col("resolution_rule").equalTo(ACCEPTED).as("confirmed"),
                        col("resolution_rule").isin(ABANDONED_RULES).as("abandoned"),
                        col("resolution_rule")
                                .isin("redirected", "callback_promised")
                                .as("redirected"),
                        col("resolution_rule"),
                        col("resolution_evidence"),
                        col("unanswered_questions"));
    }

    /** The rules whose conversations are {@code abandoned}. */
    static final Object[] ABANDONED_RULES = {
        "no_customer_message",
        "no_answer",
        "left_after_event",
        "left_complaining",
        "left_question_unanswered",
        "stopped_replying",
        "complaint_without_human"
    };
}
