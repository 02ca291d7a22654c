package org.csat.quality;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.csat.config.PhraseLists;

/**
 * silver_conversations rows + their silver_messages -> one row per conversation with the
 * numeric inputs of the resolution model ({@link #numeric}, all non-null doubles), the
 * customer's distinct normalized words ({@code customer_words}, for hashed text features) and
 * what the later steps need ({@code csat, started_at, date, handled_by, language, has_sentiment,
 * customer_sentiment_mean}, and the resolution columns as they stand: {@code resolution_status,
 * resolution_rule, resolved, resolution_probability, resolution_source}). The CSAT model and the
 * rule-based score also read the final resolution ({@link #withResolution}, after the resolution
 * model decided). The signals are the ones that move real customers: whether they accepted the
 * answer, questions left unanswered, being sent elsewhere or promised a call-back, apologies,
 * the tone of their last two messages, effort (turns, words, repetition, waiting), and how the
 * exchange ends: whether the bot or agent gave substantial answers (words per reply, the longest
 * reply) or ended asking for something, and whether the customer has the last word, on a question.
 * Sentiment is missing outside {@code sentiment.languages}: it then reads 0 and
 * {@code has_sentiment} 0, so a model can tell "neutral" from "not scored". Counts are capped
 * at 3 and durations log-scaled so a few extreme conversations do not dominate a linear model.
 */
public final class ConversationFeatures {
    /** Bump when the features change: it is part of the model version. */
    public static final int VERSION = 4;

    /** The resolution as features: the final decision, and the model's probability (the decision where there is none). */
    static final List<String> RESOLUTION = List.of("resolved_flag", "resolution_p");

    /** Message signals counted per conversation: customer ones, then bot/agent ones (bot_fallback has its own). */
    private static final List<String> CUSTOMER_SIGNALS =
            List.of("gratitude", "resolution_confirmed", "acknowledged", "unresolved", "frustration", "goodbye");

    private static final List<String> RESPONDER_SIGNALS = List.of("redirected", "callback_promised", "apology");

    private final PhraseLists phrases;

    public ConversationFeatures(PhraseLists phrases) {
        this.phrases = phrases;
    }

    /** Feature name -> its expression over the joined conversation and message aggregates. */
    static Map<String, Column> numeric() {
        Map<String, Column> f = new LinkedHashMap<>();
        f.put(
                "has_sentiment",
                when(col("customer_sentiment_mean").isNotNull(), 1.0).otherwise(0.0));
        f.put("sentiment_mean", coalesce(col("customer_sentiment_mean"), lit(0.0)));
        f.put("sentiment_min", coalesce(col("customer_sentiment_min"), lit(0.0)));
        f.put("sentiment_start", coalesce(col("customer_sentiment_start"), lit(0.0)));
        f.put("sentiment_end", coalesce(col("customer_sentiment_end"), lit(0.0)));
        f.put("sentiment_shift", coalesce(col("customer_sentiment_shift"), lit(0.0)));
        f.put(
                "sentiment_last2",
                when(
                                size(col("customer_last_two")).gt(0),
                                aggregate(col("customer_last_two"), lit(0.0), (sum, m) -> sum.plus(m.getField("s")))
                                        .divide(size(col("customer_last_two"))))
                        .otherwise(0.0));
        f.put("log_customer_turns", log1p(col("customer_turns")));
        f.put("log_bot_turns", log1p(col("bot_turns")));
        f.put("log_agent_turns", log1p(col("agent_turns")));
        f.put(
                "log_customer_words_per_turn",
                log1p(coalesce(col("customer_word_count"), lit(0))
                        .divide(when(col("customer_turns").gt(0), col("customer_turns"))
                                .otherwise(1))));
        f.put("log_customer_words", log1p(coalesce(col("customer_word_count"), lit(0))));
        f.put("log_duration", log1p(coalesce(col("duration_s"), lit(0.0))));
        f.put("answered", when(col("first_response_s").isNotNull(), 1.0).otherwise(0.0));
        f.put("log_first_response", log1p(coalesce(col("first_response_s"), lit(0.0))));
        f.put("log_mean_response", log1p(coalesce(col("mean_response_s"), lit(0.0))));
        f.put("log_handle_time", log1p(coalesce(col("handle_time_s"), lit(0.0))));
        f.put("handoff", flag(col("handoff")));
        f.put("asked_for_human", capped(col("asked_for_human_count")));
        f.put("customer_repeated_self", flag(col("customer_repeated_self")));
        f.put("bot_loop", flag(col("bot_loop")));
        f.put("repeat_contact", flag(col("repeat_contact")));
        for (String status : ResolutionStatus.ALL) {
            if (!status.equals(ResolutionStatus.ASSUMED)) {
                f.put("status_" + status, flag(col("resolution_status").equalTo(status)));
            }
        }
        for (String signal : CUSTOMER_SIGNALS) {
            f.put("customer_" + signal, capped(col("n_" + signal)));
        }
        f.put("bot_fallbacks", capped(col("n_bot_fallback")));
        for (String signal : RESPONDER_SIGNALS) {
            f.put(signal, capped(col("n_" + signal)));
        }
        f.put("unanswered_questions", capped(col("unanswered_questions")));
        f.put("last_customer_positive", flag(col("last_customer.positive_close")));
        f.put("last_customer_negative", flag(col("last_customer.negative")));
        f.put("customer_questions", capped(col("n_questions")));
        f.put("last_customer_question", flag(col("last_customer.is_question")));
        f.put("ends_with_customer", flag(col("last_message.from_customer")));
        f.put("last_responder_question", flag(col("last_responder.is_question")));
        f.put("log_responder_words_per_turn", log1p(coalesce(col("responder_words_per_turn"), lit(0.0))));
        f.put("log_responder_longest_message", log1p(coalesce(col("responder_longest_message"), lit(0))));
        return f;
    }

    public static List<String> numericNames() {
        return new ArrayList<>(numeric().keySet());
    }

    /** The CSAT model's inputs: the numeric features and the final resolution. */
    public static List<String> csatNumericNames() {
        List<String> names = numericNames();
        names.addAll(RESOLUTION);
        return names;
    }

    /**
     * Feature rows with {@link #RESOLUTION} added from their {@code resolved} and
     * {@code resolution_probability} columns (as the resolution model left them, or as stored).
     */
    public static Dataset<Row> withResolution(Dataset<Row> features) {
        Column flag = when(coalesce(col("resolved"), lit(false)), 1.0).otherwise(0.0);
        return features.withColumn("resolved_flag", flag)
                .withColumn("resolution_p", coalesce(col("resolution_probability"), flag));
    }

    private static Column flag(Column c) {
        return when(coalesce(c, lit(false)), 1.0).otherwise(0.0);
    }

    private static Column capped(Column count) {
        return least(coalesce(count, lit(0)), lit(3)).cast("double");
    }

    /**
     * @param conversations silver_conversations rows (final resolution status)
     * @param messages      silver_messages (at least those of the conversations)
     */
    public Dataset<Row> apply(Dataset<Row> conversations, Dataset<Row> messages) {
        Dataset<Row> ofThese = messages.join(
                        conversations.select("conversation_id"), new String[] {"conversation_id"}, "left_semi")
                .where(col("role").isin("customer", "bot", "agent"));
        Dataset<Row> signalled = new MessageSignals(phrases).apply(ofThese);
        Column isCustomer = col("role").equalTo("customer");
        // the bot or agent (the messages are of these three roles)
        Column isResponder = col("role").notEqual("customer");
        Column words = filter(
                split(udf(new NormalizeTextUdf(), DataTypes.StringType).apply(col("text")), " "), w -> w.notEqual(""));
        List<Column> aggregates = new ArrayList<>(List.of(
                avg(when(isCustomer, col("sentiment"))).as("customer_sentiment_mean"),
                min(when(isCustomer, col("sentiment"))).as("customer_sentiment_min"),
                sum(when(isCustomer, size(words)).otherwise(0)).as("customer_word_count"),
                // sorted: collect_list's order is the order rows arrive in, which differs between runs
                array_sort(array_distinct(flatten(collect_list(when(isCustomer, words)))))
                        .as("customer_words"),
                sum(when(isCustomer.and(col("is_question")), 1).otherwise(0)).as("n_questions"),
                sum(when(isResponder.and(col("sig_bot_fallback")), 1).otherwise(0))
                        .as("n_bot_fallback"),
                max(when(isCustomer, struct(col("seq"), col("positive_close"), col("negative"), col("is_question"))))
                        .as("last_customer"),
                max(struct(col("seq"), isCustomer.as("from_customer"))).as("last_message"),
                max(when(isResponder, struct(col("seq"), col("is_question")))).as("last_responder"),
                avg(when(isResponder, size(words))).as("responder_words_per_turn"),
                max(when(isResponder, size(words))).as("responder_longest_message"),
                slice(
                                sort_array(
                                        collect_list(when(
                                                isCustomer.and(col("sentiment").isNotNull()),
                                                struct(
                                                        col("seq"),
                                                        col("sentiment").as("s")))),
                                        false),
                                1,
                                2)
                        .as("customer_last_two")));
        for (String signal : CUSTOMER_SIGNALS) {
            aggregates.add(sum(when(isCustomer.and(col("sig_" + signal)), 1).otherwise(0))
                    .as("n_" + signal));
        }
        for (String signal : RESPONDER_SIGNALS) {
            aggregates.add(sum(when(isResponder.and(col("sig_" + signal)), 1).otherwise(0))
                    .as("n_" + signal));
        }
        Dataset<Row> perConversation = signalled
                .groupBy("conversation_id")
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));

        List<Column> out = new ArrayList<>(List.of(
                col("conversation_id"),
                col("csat"),
                col("started_at"),
                col("date"),
                col("handled_by"),
                col("language"),
                col("customer_sentiment_mean"),
                col("resolution_status"),
                col("resolution_rule"),
                col("resolved"),
                col("resolution_probability"),
                col("resolution_source"),
                coalesce(col("customer_words"), array().cast("array<string>")).as("customer_words")));
        numeric()
                .forEach((name, expression) -> out.add(expression.cast("double").as(name)));
        return conversations
                .join(perConversation, new String[] {"conversation_id"}, "left")
                .select(out.toArray(new Column[0]));
    }
}
