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

/** Spearman with tied ranks and MAE, against values worked out by hand. */
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
}
