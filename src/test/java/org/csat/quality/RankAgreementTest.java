package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** Spearman with tied ranks, MAE and the area under the ROC curve, against values worked out by hand. */
class RankAgreementTest {
    private static final StructType LONG = new StructType()
            .add("predictor", DataTypes.StringType)
            .add("cohort", DataTypes.StringType)
            .add("prediction", DataTypes.DoubleType)
            .add("label", DataTypes.DoubleType);

    @Test
    void spearmanUsesAverageRanksForTies() {
        // predictions 1,2,2,4 -> ranks 1, 2.5, 2.5, 4; labels 1,3,2,5 -> ranks 1, 3, 2, 4
        // Pearson of the ranks: centred (-1.5, 0, 0, 1.5) and (-1.5, 0.5, -0.5, 1.5): 4.5 / sqrt(4.5 * 5)
        double[] p = {1, 2, 2, 4};
        double[] y = {1, 3, 2, 5};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            rows.add(RowFactory.create("model", "all", p[i], y[i]));
            rows.add(RowFactory.create("constant", "all", 3.0, y[i]));
        }
        rows.add(RowFactory.create("model", "all", null, 4.0));
        List<Row> out = RankAgreement.measure(TestSpark.session().createDataFrame(rows, LONG))
                .orderBy(col("predictor"))
                .collectAsList();
        Row constant = out.get(0);
        Row model = out.get(1);
        assertEquals(4L, model.<Long>getAs("n"), "rows without a prediction are left out");
        assertEquals(4.5 / Math.sqrt(4.5 * 5), model.<Double>getAs("spearman"), 1e-12);
        assertEquals((0 + 1 + 0 + 1) / 4.0, model.<Double>getAs("mae"), 1e-12);
        assertNull(constant.getAs("spearman"), "a constant prediction has no rank correlation");
        assertEquals((2 + 0 + 1 + 2) / 4.0, constant.<Double>getAs("mae"), 1e-12);
    }

    /**
     * Model selection reads the same Spearman; a constant prediction scores 0 there, so it
     * loses to any model that ranks the surveys the right way round.
     */
    @Test
    void theSelectionEvaluatorIsSpearmanAndAConstantScoresZero() {
        StructType pairs = new StructType().add("raw", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
        double[] p = {1, 2, 2, 4};
        double[] y = {1, 3, 2, 5};
        List<Row> model = new ArrayList<>();
        List<Row> constant = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            model.add(RowFactory.create(p[i], y[i]));
            constant.add(RowFactory.create(3.0, y[i]));
        }
        SpearmanEvaluator evaluator = new SpearmanEvaluator("raw", "label");
        assertEquals(
                4.5 / Math.sqrt(4.5 * 5), evaluator.evaluate(TestSpark.session().createDataFrame(model, pairs)), 1e-12);
        assertEquals(0.0, evaluator.evaluate(TestSpark.session().createDataFrame(constant, pairs)));
        assertEquals(0.0, evaluator.evaluate(TestSpark.session().createDataFrame(List.of(), pairs)), "an empty fold");
        assertTrue(evaluator.isLargerBetter());
    }

    @Test
    void aucCountsTiesHalfAndIsBalancedAccuracyForAYesNoScore() {
        // scores 0.9, 0.4 for positives, 0.4, 0.1, 0.2 for negatives: of the 6 pairs, 5 are
        // ordered right and one (0.4 vs 0.4) is a tie: (5 + 0.5) / 6
        double[][] scored = {{0.9, 1}, {0.4, 1}, {0.4, 0}, {0.1, 0}, {0.2, 0}};
        // a yes/no decision: 2 of 3 positives said yes, 1 of 4 negatives said yes: (2/3 + 3/4) / 2
        double[][] decided = {{1, 1}, {1, 1}, {0, 1}, {1, 0}, {0, 0}, {0, 0}, {0, 0}};
        List<Row> rows = new ArrayList<>();
        for (double[] r : scored) {
            rows.add(RowFactory.create("score", "all", r[0], r[1]));
        }
        for (double[] r : decided) {
            rows.add(RowFactory.create("decision", "all", r[0], r[1]));
        }
        rows.add(RowFactory.create("one-class", "all", 0.5, 1.0));
        List<Row> out = RankAgreement.auc(TestSpark.session().createDataFrame(rows, LONG))
                .orderBy(col("predictor"))
                .collectAsList();
        assertEquals((2.0 / 3 + 3.0 / 4) / 2, out.get(0).<Double>getAs("auc"), 1e-12);
        assertEquals(3L, out.get(0).<Long>getAs("positives"));
        assertNull(out.get(1).getAs("auc"), "one class only: no AUC");
        assertEquals(5.5 / 6, out.get(2).<Double>getAs("auc"), 1e-12);
    }
}
