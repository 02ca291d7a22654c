package org.csat.nlp;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The reported score mixes the two readers by the weight; its label is CoreNLP's class with the
 * lexicon's strong polarity where CoreNLP reads neutral, the same in Java and SQL.
 */
class CombinedSentimentTest {
    @Test
    void weightedMeanAndTheLexiconAloneWithoutCoreNlp() {
        assertEquals(0.5 * -0.2 + 0.5 * -0.8, CombinedSentiment.score(-0.2, -0.8, 0.5), 1e-12);
        assertEquals(-0.2, CombinedSentiment.score(-0.2, -0.8, 0.0), 1e-12, "weight 0: CoreNLP alone");
        assertEquals(-0.8, CombinedSentiment.score(null, -0.8, 0.5), 1e-12, "no CoreNLP score: the lexicon's");
    }

    @Test
    void nearestLabelCutsHalfwayBetweenTheClasses() {
        double[] scores = {-1, -0.76, -0.75, -0.5, -0.25, 0, 0.25, 0.26, 0.75, 0.76, 1};
        List<String> expected = List.of(
                "very_negative",
                "very_negative",
                "negative",
                "negative",
                "neutral",
                "neutral",
                "neutral",
                "positive",
                "positive",
                "very_positive",
                "very_positive");
        for (int i = 0; i < scores.length; i++) {
            assertEquals(expected.get(i), CombinedSentiment.nearestLabel(scores[i]), "score " + scores[i]);
        }
    }

    /**
     * CoreNLP's class stands, polar or not, unless it reads neutral and the lexicon reads a
     * polarity at least the override (0.5) strong: a mild "thanks" (0.44) does not overrule it, a
     * strong complaint does; with no CoreNLP score the lexicon's label by VADER's cut stands alone;
     * "very_" beyond 0.75; the same in Java and SQL.
     */
    @Test
    void labelIsCoreNlpsUnlessItReadsNeutralAndTheLexiconReadsStrongPolarity() {
        double override = 0.5;
        List<Object[]> cases = List.of(
                new Object[] {"negative", -0.6, -0.55, "negative"},
                new Object[] {"neutral", -0.6, -0.3, "negative"},
                new Object[] {"neutral", -0.3, -0.15, "neutral"},
                new Object[] {"neutral", 0.44, 0.22, "neutral"},
                new Object[] {"neutral", 0.5, 0.25, "positive"},
                new Object[] {"neutral", -0.5, -0.25, "negative"},
                new Object[] {"positive", 0.0, 0.25, "positive"},
                new Object[] {"very_positive", -0.8, 0.1, "positive"},
                new Object[] {"negative", 0.2, -0.15, "negative"},
                new Object[] {"positive", -0.9, -0.2, "positive"},
                new Object[] {"very_negative", -0.9, -0.95, "very_negative"},
                new Object[] {"neutral", 0.9, 0.76, "very_positive"},
                new Object[] {null, -0.3, -0.3, "negative"},
                new Object[] {null, 0.04, 0.04, "neutral"},
                new Object[] {null, 0.0, 0.0, "neutral"});
        StructType schema = new StructType()
                .add("corenlp", DataTypes.StringType)
                .add("lexicon", DataTypes.DoubleType)
                .add("score", DataTypes.DoubleType);
        List<Row> rows = new java.util.ArrayList<>();
        List<String> expected = new java.util.ArrayList<>();
        for (Object[] c : cases) {
            assertEquals(
                    c[3],
                    CombinedSentiment.label((String) c[0], (double) c[1], (double) c[2], override),
                    "CoreNLP " + c[0] + ", lexicon " + c[1] + ", score " + c[2]);
            rows.add(RowFactory.create(c[0], c[1], c[2]));
            expected.add((String) c[3]);
        }
        rows.add(RowFactory.create(null, null, null));
        List<String> column = TestSpark.session()
                .createDataFrame(rows, schema)
                .select(CombinedSentiment.label(col("corenlp"), col("lexicon"), col("score"), override))
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .toList();
        assertEquals(expected, column.subList(0, cases.size()));
        assertNull(column.get(cases.size()), "a message that is not scored has no label");
    }
}
