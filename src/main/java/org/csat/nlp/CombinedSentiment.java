package org.csat.nlp;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.signum;
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
 * sentence longer than {@code sentiment.max_sentence_tokens}) the lexicon's stands alone.
 *
 * <p>The label is the two readers' vote, each by its own decision rule (CoreNLP's most probable
 * class, the lexicon's compound by VADER's documented cut, &plusmn;0.05): when they agree, or
 * one of them reads no polarity, the polar reading stands, since what each reader misses is
 * sentiment it has no evidence for (CoreNLP calls most complaints neutral, the lexicon is silent
 * on sentences without a listed word); when they read opposite polarities, the sign of the
 * combined score decides. It is "very_" where the score is beyond &plusmn;0.75. The label is not
 * the class nearest to the mean score: averaging a reader's polar reading with the other's
 * silence lands between the classes, and a mean of two calibrated readers is pulled towards
 * neutral. CoreNLP's own most probable class stays in {@code corenlp_sentiment_label}.
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
    public static String nearestLabel(double score) {
        int nearest = score < -0.75 ? 0 : score < -0.25 ? 1 : score <= 0.25 ? 2 : score <= 0.75 ? 3 : 4;
        return SentimentScale.LABELS[nearest];
    }

    /**
     * The readers' vote (see the class comment).
     *
     * @param corenlpLabel CoreNLP's most probable class (one of {@link SentimentScale#LABELS}), null when it scored nothing
     * @param lexicon      the lexicon's compound score
     * @param score        the combined score ({@link #score})
     */
    public static String label(String corenlpLabel, double lexicon, double score) {
        int corenlp = corenlpLabel == null ? 0 : polarity(corenlpLabel);
        int lexical = lexicon >= LEXICON_CUT ? 1 : lexicon <= -LEXICON_CUT ? -1 : 0;
        int polarity = corenlp == lexical || lexical == 0 ? corenlp : corenlp == 0 ? lexical : (int) Math.signum(score);
        if (polarity == 0) {
            return SentimentScale.LABELS[2];
        }
        boolean very = Math.abs(score) > 0.75;
        return SentimentScale.LABELS[2 + polarity * (very ? 2 : 1)];
    }

    /** VADER's documented cut between neutral and polar compound scores. */
    static final double LEXICON_CUT = 0.05;

    private static int polarity(String label) {
        return label.endsWith("negative") ? -1 : label.endsWith("positive") ? 1 : 0;
    }

    /** {@link #score} as a column; null where {@code lexicon} is null (the message is not scored). */
    static Column score(Column corenlp, Column lexicon, double lexiconWeight) {
        return when(
                lexicon.isNotNull(),
                coalesce(corenlp.multiply(1 - lexiconWeight).plus(lexicon.multiply(lexiconWeight)), lexicon));
    }

    /** {@link #label(String, double, double)} as a column; null where {@code score} is null. */
    static Column label(Column corenlpLabel, Column lexicon, Column score) {
        Column corenlp = when(corenlpLabel.endsWith("negative"), -1)
                .when(corenlpLabel.endsWith("positive"), 1)
                .otherwise(0);
        Column lexical = when(lexicon.geq(LEXICON_CUT), 1)
                .when(lexicon.leq(-LEXICON_CUT), -1)
                .otherwise(0);
        Column polarity = when(corenlp.equalTo(lexical).or(lexical.equalTo(0)), corenlp)
                .when(corenlp.equalTo(0), lexical)
                .otherwise(signum(score).cast("int"));
        Column very = abs(score).gt(0.75);
        return when(score.isNull(), lit(null))
                .when(polarity.equalTo(0), lit(SentimentScale.LABELS[2]))
                .when(polarity.equalTo(-1).and(very), lit(SentimentScale.LABELS[0]))
                .when(polarity.equalTo(-1), lit(SentimentScale.LABELS[1]))
                .when(very, lit(SentimentScale.LABELS[4]))
                .otherwise(lit(SentimentScale.LABELS[3]));
    }
}
