package org.csat.nlp;

import static org.apache.spark.sql.functions.abs;
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
 * sentence longer than {@code sentiment.max_sentence_tokens}) the lexicon's stands alone.
 *
 * <p>The label ({@code sentiment_label}) is CoreNLP's most probable class, except where CoreNLP
 * reads neutral and the lexicon reads strong polarity: a compound at least
 * {@code sentiment.lexicon_override} (0.5) from 0, one word people rated beyond &plusmn;2.2 of
 * VADER's &plusmn;4 or a support phrase ("still not working", "fed up"), or several milder ones.
 * CoreNLP's known failure on chat is calling complaints neutral, and its polar readings are the
 * better half of its work (it reads structure, negation scope, contrast); the lexicon's mild
 * readings ("thanks", "I like", "free parking") are mostly politeness and request words, so they
 * do not overrule CoreNLP's neutral. Where CoreNLP scored nothing the lexicon's label stands
 * alone, by VADER's documented cut (&plusmn;0.05). It is "very_" where the combined score is
 * beyond &plusmn;0.75. CoreNLP's own most probable class stays in {@code corenlp_sentiment_label};
 * docs/quality.md has the measurements that chose this rule over the readers' vote.
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
     * CoreNLP's class, or the lexicon's strong polarity where CoreNLP reads neutral (see the class comment).
     *
     * @param corenlpLabel CoreNLP's most probable class (one of {@link SentimentScale#LABELS}), null when it scored nothing
     * @param lexicon      the lexicon's compound score
     * @param score        the combined score ({@link #score})
     * @param override     how far from 0 the lexicon's compound must be to label a message CoreNLP reads as neutral
     */
    public static String label(String corenlpLabel, double lexicon, double score, double override) {
        int polarity;
        if (corenlpLabel == null) {
            polarity = lexicon >= LEXICON_CUT ? 1 : lexicon <= -LEXICON_CUT ? -1 : 0;
        } else {
            int corenlp = polarity(corenlpLabel);
            polarity = corenlp != 0 ? corenlp : lexicon >= override ? 1 : lexicon <= -override ? -1 : 0;
        }
        if (polarity == 0) {
            return SentimentScale.LABELS[2];
        }
        boolean very = Math.abs(score) > 0.75;
        return SentimentScale.LABELS[2 + polarity * (very ? 2 : 1)];
    }

    /** VADER's documented cut between neutral and polar compound scores. */
    public static final double LEXICON_CUT = 0.05;

    private static int polarity(String label) {
        return label.endsWith("negative") ? -1 : label.endsWith("positive") ? 1 : 0;
    }

    /** {@link #score} as a column; null where {@code lexicon} is null (the message is not scored). */
    static Column score(Column corenlp, Column lexicon, double lexiconWeight) {
        return when(
                lexicon.isNotNull(),
                coalesce(corenlp.multiply(1 - lexiconWeight).plus(lexicon.multiply(lexiconWeight)), lexicon));
    }

    /** {@link #label(String, double, double, double)} as a column; null where {@code score} is null. */
    static Column label(Column corenlpLabel, Column lexicon, Column score, double override) {
        Column corenlp = when(corenlpLabel.endsWith("negative"), -1)
                .when(corenlpLabel.endsWith("positive"), 1)
                .otherwise(0);
        Column polarity = when(
                        corenlpLabel.isNull(),
                        when(lexicon.geq(LEXICON_CUT), 1)
                                .when(lexicon.leq(-LEXICON_CUT), -1)
                                .otherwise(0))
                .when(corenlp.notEqual(0), corenlp)
                .when(lexicon.geq(override), 1)
                .when(lexicon.leq(-override), -1)
                .otherwise(0);
        Column very = abs(score).gt(0.75);
        return when(score.isNull(), lit(null))
                .when(polarity.equalTo(0), lit(SentimentScale.LABELS[2]))
                .when(polarity.equalTo(-1).and(very), lit(SentimentScale.LABELS[0]))
                .when(polarity.equalTo(-1), lit(SentimentScale.LABELS[1]))
                .when(very, lit(SentimentScale.LABELS[4]))
                .otherwise(lit(SentimentScale.LABELS[3]));
    }
}
