package org.csat.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The override is chosen by macro-F1, the larger on ties, and each fold is labelled by the others' choice. */
class SelectLexiconOverrideTest {
    /** A text reduced to what the choice reads: the lexicon's compound and the gold class. */
    record Text(double lexicon, String gold) {}

    private static final SelectLexiconOverride<Text> SELECTION = new SelectLexiconOverride<>(
            (t, threshold) -> t.lexicon() >= threshold ? "positive" : "neutral",
            Text::gold,
            List.of("neutral", "positive"));

    @Test
    void choosesTheLargestThresholdWithTheBestMacroF1() {
        List<Text> politeNeutrals = List.of(
                new Text(0.3, "neutral"),
                new Text(0.3, "neutral"),
                new Text(0.8, "positive"),
                new Text(0.0, "neutral"));
        assertEquals(0.8, SELECTION.best(politeNeutrals), 1e-12, "0.35 to 0.8 are all perfect: the largest");
        List<Text> mildPositives =
                List.of(new Text(0.3, "positive"), new Text(0.8, "positive"), new Text(0.0, "neutral"));
        assertEquals(0.3, SELECTION.best(mildPositives), 1e-12, "only 0.05 to 0.3 are perfect: the largest");
    }

    @Test
    void crossValidationLabelsEveryTextOnceByTheOtherFoldsChoice() {
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            texts.add(new Text(0.3, "neutral"));
            texts.add(new Text(0.8, "positive"));
        }
        Map<Text, String> labels = SELECTION.crossValidated(texts, 5, 42);
        assertEquals(texts.size(), labels.size());
        for (Text t : texts) {
            assertEquals(t.gold(), labels.get(t), "every fold's training part chooses 0.8");
        }
    }
}
