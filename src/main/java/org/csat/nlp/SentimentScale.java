package org.csat.nlp;

import java.util.List;

/**
 * Turns CoreNLP's five class probabilities into the tables' sentiment: a score in −1..1, the
 * expected class on the scale −1, −0.5, 0, 0.5, 1, and a label, the most probable class.
 * A message's probabilities are its sentences' averaged with weights equal to their token
 * counts ({@link #messageProbabilities}), so a long complaint outweighs a trailing "thanks".
 * Every scoring path (the batch's per-sentence memo and the one-call-per-message baseline)
 * computes a message this one way, in sentence order, so their results agree to the bit.
 */
public final class SentimentScale {
    public static final String[] LABELS = {"very_negative", "negative", "neutral", "positive", "very_positive"};

    /** One sentence of a message: its token count and class probabilities (null: not scored). */
    public record ScoredSentence(int tokens, double[] probabilities) {}

    private SentimentScale() {}

    /**
     * Token-weighted mean of the scored sentences' probabilities, summed in the given order;
     * null when no sentence was scored.
     */
    public static double[] messageProbabilities(List<ScoredSentence> sentences) {
        double[] sum = new double[5];
        long tokens = 0;
        for (ScoredSentence sentence : sentences) {
            if (sentence.probabilities() == null) {
                continue;
            }
            for (int i = 0; i < 5; i++) {
                sum[i] += sentence.probabilities()[i] * sentence.tokens();
            }
            tokens += sentence.tokens();
        }
        if (tokens == 0) {
            return null;
        }
        for (int i = 0; i < 5; i++) {
            sum[i] /= tokens;
        }
        return sum;
    }

    public static double score(double[] probabilities) {
        double score = 0;
        for (int i = 0; i < 5; i++) {
            score += probabilities[i] * (i - 2) / 2.0;
        }
        return Math.max(-1.0, Math.min(1.0, score));
    }

    public static String label(double[] probabilities) {
        int best = 0;
        for (int i = 1; i < 5; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return LABELS[best];
    }
}
