package org.csat.nlp;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The sentiment a message is reported with ({@code silver_messages.sentiment}): a weighted mean
 * of CoreNLP's score and the chat lexicon's ({@link LexiconSentiment}), weight
 * {@code sentiment.lexicon_weight} (0.5) on the lexicon. Two readers with complementary
 * blind spots: CoreNLP reads sentence structure but was trained on movie reviews and calls
 * most complaints neutral; the lexicon reads chat words, emoji, support phrases and sarcasm
 * but no structure. A lexicon score of 0 (no sentiment word) is its vote for neutral, which
 * pulls CoreNLP's guesses on plain questions towards neutral. When CoreNLP has no score (every
 * sentence longer than {@code sentiment.max_sentence_tokens}) the lexicon's stands alone. The
 * label is the class nearest to the score on the five-point scale the score is made of (-1,
 * -0.5, 0, 0.5, 1), so it always agrees with the score; CoreNLP's own most probable class stays
 * in {@code corenlp_sentiment_label}.
 */
public final class CombinedSentiment {
    /** {@code silver_messages.sentiment_model} of an English message. */
    public static final String ENGLISH_MODEL = "corenlp+lexicon-en";
    /** {@code sentiment_model} of a message no model scored. */
    public static final String NO_MODEL = "none";

    private CombinedSentiment() {}

    public static double score(Double corenlp, double lexicon, double lexiconWeight) {
        if (corenlp == null) {
            return lexicon;
        }
        return (1 - lexiconWeight) * corenlp + lexiconWeight * lexicon;
    }

    /** The nearest of the five classes: cut points halfway between -1, -0.5, 0, 0.5 and 1. */
    public static String label(double score) {
        int nearest = score < -0.75 ? 0 : score < -0.25 ? 1 : score <= 0.25 ? 2 : score <= 0.75 ? 3 : 4;
        return SentimentScale.LABELS[nearest];
    }

    /** {@link #score} as a column; null where {@code lexicon} is null (the message is not scored). */
    static Column score(Column corenlp, Column lexicon, double lexiconWeight) {
        return when(
                lexicon.isNotNull(),
                coalesce(corenlp.multiply(1 - lexiconWeight).plus(lexicon.multiply(lexiconWeight)), lexicon));
    }

    /** {@link #label} as a column. */
    static Column label(Column score) {
        return when(score.isNull(), lit(null))
                .when(score.lt(-0.75), lit(SentimentScale.LABELS[0]))
                .when(score.lt(-0.25), lit(SentimentScale.LABELS[1]))
                .when(score.leq(0.25), lit(SentimentScale.LABELS[2]))
                .when(score.leq(0.75), lit(SentimentScale.LABELS[3]))
                .otherwise(lit(SentimentScale.LABELS[4]));
    }
}
