package org.csat.quality;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.mllib.stat.Statistics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An MLlib evaluator for model selection: Spearman's rank correlation between a prediction
 * column and the label (MLlib's, ties sharing their average rank, as in {@link RankAgreement}),
 * larger is better. MLlib ranks by a distributed sort; a window over the one group would move
 * every row into one task. A constant prediction ranks nothing and scores 0, so a model shrunk
 * to the mean never wins by default, as it does under mean absolute error when most labels
 * share one value.
 */
final class SpearmanEvaluator extends Evaluator {
    private final String uid;
    private final String predictionCol;
    private final String labelCol;

    public SpearmanEvaluator(String predictionCol, String labelCol) {
        this.uid = Identifiable$.MODULE$.randomUID("spearmanEval");
        this.predictionCol = predictionCol;
        this.labelCol = labelCol;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        JavaRDD<Row> pairs = dataset.select(
                        col(predictionCol).cast("double").as("prediction"),
                        col(labelCol).cast("double").as("label"))
                .where(col("prediction").isNotNull().and(col("label").isNotNull()))
                .toJavaRDD();
        if (pairs.isEmpty()) {
            return 0.0;
        }
        double spearman =
                Statistics.corr(pairs.map(row -> row.getDouble(0)), pairs.map(row -> row.getDouble(1)), "spearman");
        return Double.isNaN(spearman) ? 0.0 : spearman;
    }

    @Override
    public boolean isLargerBetter() {
        return true;
    }

    /** It has no parameters to copy. */
    @Override
    public Evaluator copy(ParamMap extra) {
        return this;
    }

    @Override
    public String uid() {
        return uid;
    }
}
