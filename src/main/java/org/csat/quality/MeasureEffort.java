package org.csat.quality;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.csat.config.QualitySettings;

/**
 * Messages -> per conversation the customer's effort and the friction they met:
 * <ul>
 * <li>{@code first_response_s}, {@code mean_response_s}: for each run of consecutive customer
 * messages, the seconds from its first message to the next bot or agent message; the first
 * run's value, and the mean over the runs that got an answer (null when none did).</li>
 * <li>{@code first_reply_ts}: the first bot or agent message (handle time starts there).</li>
 * <li>{@code customer_repeated_self}: two customer turns are near-duplicates;
 * {@code bot_loop}: two bot turns with a customer turn between them are near-duplicates. Near-
 * duplicate: the sets of normalized words overlap by at least
 * {@code quality.near_duplicate_similarity} (Jaccard) and both turns have at least
 * {@code quality.near_duplicate_min_words} words, so "yes" and "ok" never count.</li>
 * </ul>
 * System events are ignored. Conversations are small, so the pairwise comparison is a
 * self-join within each conversation.
 */
final class MeasureEffort {
    private final double similarity;
    private final int minWords;

    public MeasureEffort(QualitySettings settings) {
        this.similarity = settings.nearDuplicateSimilarity();
        this.minWords = settings.nearDuplicateMinWords();
        if (similarity <= 0 || similarity > 1) {
            throw new IllegalArgumentException(
                    "quality.near_duplicate_similarity must be in (0, 1], got " + similarity);
        }
        if (minWords < 1) {
            throw new IllegalArgumentException("quality.near_duplicate_min_words must be >= 1, got " + minWords);
        }
    }

    /** @param messages with {@code conversation_id, seq, ts, role, text} */
    public Dataset<Row> apply(Dataset<Row> messages) {
        Dataset<Row> speaking = messages.where(col("role").isin("customer", "bot", "agent"))
                .select("conversation_id", "seq", "ts", "role", "text");
        return responseTimes(speaking)
                .join(nearDuplicates(speaking), new String[] {"conversation_id"}, "left")
                .na()
                .fill(false, new String[] {"customer_repeated_self", "bot_loop"});
    }

    private static Dataset<Row> responseTimes(Dataset<Row> speaking) {
        WindowSpec ordered = Window.partitionBy("conversation_id").orderBy("seq");
        Column isCustomer = col("role").equalTo("customer");
        Column runStart = isCustomer.and(lag(col("role"), 1)
                .over(ordered)
                .isNull()
                .or(lag(col("role"), 1).over(ordered).notEqual("customer")));
        Column nextReply = first(when(col("role").notEqual("customer"), col("ts")), true)
                .over(ordered.rowsBetween(1, Window.unboundedFollowing()));
        Dataset<Row> runs = speaking.withColumn("run_start", runStart)
                .withColumn("next_reply_ts", nextReply)
                .withColumn(
                        "response_s",
                        when(
                                col("run_start").and(col("next_reply_ts").isNotNull()),
                                unix_micros(col("next_reply_ts"))
                                        .minus(unix_micros(col("ts")))
                                        .divide(1e6)));
        return runs.groupBy("conversation_id")
                .agg(
                        min(when(col("run_start"), struct(col("seq"), col("response_s"))))
                                .getField("response_s")
                                .as("first_response_s"),
                        avg(col("response_s")).as("mean_response_s"),
                        min(when(col("role").notEqual("customer"), col("ts"))).as("first_reply_ts"));
    }

    private Dataset<Row> nearDuplicates(Dataset<Row> speaking) {
        Column normalized = udf(new NormalizeTextUdf(), DataTypes.StringType).apply(col("text"));
        WindowSpec upToHere = Window.partitionBy("conversation_id")
                .orderBy("seq")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> turns = speaking.where(col("role").isin("customer", "bot"))
                .withColumn(
                        "customer_turns_so_far",
                        sum(when(col("role").equalTo("customer"), 1).otherwise(0))
                                .over(upToHere))
                .withColumn("words", array_distinct(filter(split(normalized, " "), w -> w.notEqual(""))))
                .where(size(col("words")).geq(minWords))
                .select("conversation_id", "seq", "role", "customer_turns_so_far", "words");
        Dataset<Row> a = turns.as("a");
        Dataset<Row> b = turns.as("b");
        Column sameConversation = col("a.conversation_id")
                .equalTo(col("b.conversation_id"))
                .and(col("a.role").equalTo(col("b.role")))
                .and(col("a.seq").lt(col("b.seq")));
        Column customerBetween = col("a.role")
                .equalTo("customer")
                .or(col("a.customer_turns_so_far").lt(col("b.customer_turns_so_far")));
        Column jaccard = size(array_intersect(col("a.words"), col("b.words")))
                .divide(size(array_union(col("a.words"), col("b.words"))));
        return a.join(b, sameConversation.and(customerBetween))
                .where(jaccard.geq(lit(similarity)))
                .groupBy(col("a.conversation_id").as("conversation_id"))
                .agg(
                        max(col("a.role").equalTo("customer")).as("customer_repeated_self"),
                        max(col("a.role").equalTo("bot")).as("bot_loop"));
    }
}
