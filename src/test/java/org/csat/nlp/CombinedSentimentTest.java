package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** The reported score mixes the two readers by the weight; its label is the nearest class, the same in Java and SQL. */
class CombinedSentimentTest {
    @Test
    void weightedMeanAndTheLexiconAloneWithoutCoreNlp() {
        assertEquals(0.5 * -0.2 + 0.5 * -0.8, CombinedSentiment.score(-0.2, -0.8, 0.5), 1e-12);
        assertEquals(-0.2, CombinedSentiment.score(-0.2, -0.8, 0.0), 1e-12, "weight 0: CoreNLP alone");
        assertEquals(-0.8, CombinedSentiment.score(null, -0.8, 0.5), 1e-12, "no CoreNLP score: the lexicon's");
    }

    @Test
    void labelsAreTheNearestClassAndTheColumnAgrees() {
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
        StructType schema = new StructType().add("s", DataTypes.DoubleType);
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            assertEquals(expected.get(i), CombinedSentiment.label(scores[i]), "score " + scores[i]);
            rows.add(RowFactory.create(scores[i]));
        }
        rows.add(RowFactory.create((Object) null));
        List<String> column = TestSpark.session()
                .createDataFrame(rows, schema)
                .select(CombinedSentiment.label(org.apache.spark.sql.functions.col("s")))
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .toList();
        assertEquals(expected, column.subList(0, scores.length));
        assertEquals(null, column.get(scores.length));
    }
}
