package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.csat.config.PhraseLists;
import org.csat.nlp.PhraseMatchUdf;

/**
 * Messages -> the same messages with one boolean column {@code sig_<signal>} per phrase-list
 * signal (conf/phrases/&lt;signal&gt;/&lt;lang&gt;.txt, matched as whole words on normalized text in
 * the conversation's language, English as fallback), {@code is_question} (the text has a
 * question mark), and two customer-side summaries the resolution rules use:
 * {@code positive_close} (thanks, or "it worked" or an acknowledgement such as "ok" outside a
 * question, with no unresolved, frustrated or asked-for-human phrase in the same message) and
 * {@code negative} (unresolved, frustrated, or asking for a human). Signals are computed on every role; the rules read each where it
 * makes sense (customer words, or bot/agent wrap-ups for {@code closing_offer}).
 */
final class MessageSignals {
    private final PhraseLists phrases;

    public MessageSignals(PhraseLists phrases) {
        this.phrases = phrases;
    }

    /** @param messages with at least {@code role}, {@code text} and {@code language} */
    public Dataset<Row> apply(Dataset<Row> messages) {
        List<Column> flags = new ArrayList<>();
        flags.add(col("*"));
        for (String signal : PhraseLists.SIGNALS) {
            flags.add(udf(new PhraseMatchUdf(phrases, signal), DataTypes.BooleanType)
                    .apply(col("text"), col("language"))
                    .as("sig_" + signal));
        }
        flags.add(coalesce(col("text").rlike("[?？¿]"), lit(false)).as("is_question"));
        Column isCustomer = col("role").equalTo("customer");
        Column calm =
                not(col("sig_unresolved")).and(not(col("sig_frustration"))).and(not(col("sig_asked_for_human")));
        return messages.select(flags.toArray(new Column[0]))
                .select(
                        col("*"),
                        isCustomer
                                .and(calm)
                                .and(col("sig_gratitude")
                                        .or(col("sig_resolution_confirmed")
                                                .or(col("sig_acknowledged"))
                                                .and(not(col("is_question")))))
                                .as("positive_close"),
                        isCustomer
                                .and(col("sig_unresolved")
                                        .or(col("sig_frustration"))
                                        .or(col("sig_asked_for_human")))
                                .as("negative"));
    }
}
