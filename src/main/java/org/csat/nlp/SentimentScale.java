package org.csat.nlp;

/**
 * Turns CoreNLP's five class probabilities into the tables' sentiment: a score in −1..1, the
 * expected class on the scale −1, −0.5, 0, 0.5, 1, and a label, the most probable class.
 * A message's probabilities are its sentences' averaged with weights equal to their token
 * counts, so a long complaint outweighs a trailing "thanks".
 */
public final class SentimentScale {
    public static final String[] LABELS = {"very_negative", "negative", "neutral", "positive", "very_positive"};

    private SentimentScale() {
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
