package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.csat.config.PipelineConfig;
import org.junit.jupiter.api.Test;

/** The real CoreNLP models, wired as the pipeline uses them. */
class SentimentModelTest {
    private final String model = PipelineConfig.defaults().sentiment().parseModel();

    @Test
    void splitsMessagesIntoSentencesWithTokenCounts() {
        List<SentimentModel.Sentence> sentences = SentimentModel.split("Where is my refund? This is terrible.");
        assertEquals(
                List.of("Where is my refund?", "This is terrible."),
                sentences.stream().map(SentimentModel.Sentence::text).toList());
        assertEquals(
                List.of("Where", "is", "my", "refund", "?"), sentences.get(0).words());
        assertEquals(5, sentences.get(0).tokens());
    }

    @Test
    void scoresClearSentencesOnTheRightSide() {
        double[] negative = SentimentModel.score(words("This is the worst service I have ever had."), model, 80);
        double[] positive =
                SentimentModel.score(words("This is a wonderful, excellent and delightful service."), model, 80);
        assertNotNull(negative);
        assertEquals(1.0, sum(negative), 1e-6, "class probabilities sum to one");
        assertTrue(SentimentScale.score(negative) < -0.2);
        assertTrue(SentimentScale.score(positive) > 0.2);
        assertTrue(SentimentScale.label(negative).endsWith("negative"));
        assertTrue(SentimentScale.label(positive).endsWith("positive"));
    }

    /**
     * Remembered scores (evaluations that run the job once per fold) are the parsed ones: a
     * caller changing its array does not change what is remembered, a sentence over a lower
     * token cap is still not scored, and forgetting leaves the parsed scores.
     */
    @Test
    void rememberedScoresAreTheParsedOnesPerSetting() {
        List<String> sentence = words("The refund never arrived and nobody answers.");
        double[] parsed = SentimentModel.score(sentence, model, 80);
        SentimentModel.rememberScores(10);
        try {
            double[] first = SentimentModel.score(sentence, model, 80);
            assertArrayEquals(parsed, first);
            first[0] = 42;
            assertArrayEquals(parsed, SentimentModel.score(sentence, model, 80));
            assertNull(SentimentModel.score(sentence, model, 5), "over the cap of 5 tokens: not parsed");
        } finally {
            SentimentModel.rememberScores(0);
        }
        assertArrayEquals(parsed, SentimentModel.score(sentence, model, 80));
    }

    @Test
    void sentencesOverTheTokenCapAreNotParsed() {
        String longSentence = "word ".repeat(30) + "end";
        assertNull(SentimentModel.score(words(longSentence), model, 10));
    }

    @Test
    void sentencesDifferingOnlyInWordsTheModelsNeverSawShareOneKeyAndScoreAlike() {
        assertTrue(SentimentModel.mergesUnknownWords(model, 80), "the default PCFG parser gets merged keys");
        List<String> first = words("Thanks Zorvath, order 48213 arrived.");
        List<String> second = words("Thanks Quimbith, order 77310 arrived.");
        List<String> key = SentimentModel.parseKey(first, model, 80);
        assertEquals(key, SentimentModel.parseKey(second, model, 80));
        assertEquals(
                List.of("Thanks", ",", "order", "arrived", "."),
                List.of(key.get(0), key.get(2), key.get(3), key.get(5), key.get(6)),
                "known words and punctuation stay");
        assertTrue(key.get(1).startsWith(ParseKeys.MARK + "UNK"), key.get(1));
        assertArrayEquals(SentimentModel.score(first, model, 80), SentimentModel.score(second, model, 80));
    }

    @Test
    void sentencesOfKnownWordsAndUnparsedSentencesAreTheirOwnKeys() {
        List<String> known = words("Where is my refund?");
        assertEquals(known, SentimentModel.parseKey(known, model, 80));
        List<String> tooLong = words("Zorvath " + "word ".repeat(30) + "end");
        assertEquals(tooLong, SentimentModel.parseKey(tooLong, model, 10));
    }

    @Test
    void scaleMapsTheFiveClassesOntoMinusOneToOne() {
        assertEquals(-1.0, SentimentScale.score(new double[] {1, 0, 0, 0, 0}), 1e-12);
        assertEquals(0.0, SentimentScale.score(new double[] {0, 0, 1, 0, 0}), 1e-12);
        assertEquals(0.75, SentimentScale.score(new double[] {0, 0, 0, 0.5, 0.5}), 1e-12);
        assertEquals("very_positive", SentimentScale.label(new double[] {0, 0, 0.1, 0.4, 0.5}));
    }

    private static List<String> words(String sentence) {
        return SentimentModel.split(sentence).get(0).words();
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
