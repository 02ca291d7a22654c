package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.csat.config.PipelineConfig;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The pipeline scores sentiment on redacted text (docs/reliability.md says why). This test
 * shows that costs nothing: CoreNLP's scores for realistic complaint and thank-you messages
 * carrying personal data are compared with and without the data replaced by placeholders.
 * Identifiers are out-of-vocabulary tokens to the sentiment model either way, so the class
 * must not change and the score may move only slightly (measured: 8 of 10 identical, the two
 * multi-group IBANs move by 0.03-0.04 on the -1..+1 scale).
 */
class PiiSentimentTest {
    private static final List<String> MESSAGES = List.of(
            "My card number is 4111 1111 1111 1111 and you charged it twice, this is unacceptable.",
            "Thanks so much, please send the receipt to anna.smith@gmail.com!",
            "Call me on +44 7700 900123, I have been waiting for a week and I am furious.",
            "Refund it to DE89 3704 0044 0532 0130 00 please, the product was broken.",
            "I also messaged you on twitter as @lucas_berg but nobody answered.",
            "Great service, my email is lisa_0042@outlook.com if you need anything.",
            "The reset link https://shop.example.com/reset?token=ab12cd34 does not work at all.",
            "My SSN is 123-45-6789, why on earth do you need it?",
            "You can text me at 555-123-4567, thanks a lot for the quick help!",
            "My IBAN is SE45 5000 0000 0583 9825 7466, I hope the money arrives soon.");

    @Test
    void redactionLeavesTheSentimentClassAndAlmostTheScore() {
        PipelineConfig config = TestSpark.testConfig();
        double totalShift = 0;
        int unchanged = 0;
        for (String raw : MESSAGES) {
            String redacted = PiiRedactor.redact(raw);
            assertNotEquals(raw, redacted, "the message carries personal data");
            double[] before = messageProbabilities(raw, config);
            double[] after = messageProbabilities(redacted, config);
            double shift = Math.abs(score(after) - score(before));
            System.out.printf("sentiment %+.3f -> %+.3f  %s%n", score(before), score(after), redacted);
            assertEquals(argmax(before), argmax(after), "class of: " + raw + " / " + redacted);
            assertTrue(shift <= 0.05, "score moved by " + shift + ": " + redacted);
            totalShift += shift;
            unchanged += shift < 1e-9 ? 1 : 0;
        }
        assertTrue(totalShift / MESSAGES.size() <= 0.01, "mean shift " + totalShift / MESSAGES.size());
        assertTrue(unchanged >= MESSAGES.size() * 3 / 4, "most scores do not move at all: " + unchanged);
    }

    /** A message's class probabilities the way the pipeline computes them: per sentence, token-weighted. */
    private static double[] messageProbabilities(String text, PipelineConfig config) {
        java.util.List<SentimentScale.ScoredSentence> sentences = new java.util.ArrayList<>();
        for (SentimentModel.Sentence sentence : SentimentModel.split(text)) {
            sentences.add(new SentimentScale.ScoredSentence(
                    sentence.tokens(),
                    SentimentModel.score(
                            sentence.words(),
                            config.sentiment().parseModel(),
                            config.sentiment().maxSentenceTokens())));
        }
        return SentimentScale.messageProbabilities(sentences);
    }

    /** The pipeline's scale: -1 very negative .. +1 very positive (ScoreSentences). */
    private static double score(double[] p) {
        return -p[0] - 0.5 * p[1] + 0.5 * p[3] + p[4];
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
