package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An MLlib evaluator for model selection: Spearman's rank correlation between a prediction
 * column and the label ({@link RankAgreement}, ties sharing their average rank), larger is
 * better. A constant prediction ranks nothing and scores 0, so a model shrunk to the mean
 * never wins by default, as it does under mean absolute error when most labels share one value.
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
        Dataset<Row> pairs = dataset.select(
                lit("model").as("predictor"),
                lit("all").as("cohort"),
                col(predictionCol).cast("double").as("prediction"),
                col(labelCol).cast("double").as("label"));
        List<Row> measured = RankAgreement.measure(pairs).select("spearman").collectAsList();
        return measured.isEmpty() || measured.get(0).isNullAt(0)
                ? 0.0
                : measured.get(0).getDouble(0);
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
