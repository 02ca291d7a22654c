package org.csat.quality;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.config.ResolutionModelSettings;

/**
 * The resolution model: Spark MLlib logistic regression (L2, standardized features) of a
 * person's resolved/not-resolved label on {@link ConversationFeatures}' numeric features (the
 * rules' verdict among them) plus, when {@code quality.resolution_model.text_features} &gt; 0,
 * hashed words of the customer. The strength ({@code quality.resolution_model.reg_params}) and
 * whether the words help are chosen by the area under the ROC curve in seeded
 * {@code quality.resolution_model.folds}-fold cross-validation of the training rows; the winner
 * is refitted on all of them. Its {@code resolved} is the probability at or above the training
 * rows' share of resolved conversations: the cut that weighs a missed resolution and a false
 * one by how rare each is (it maximizes balanced accuracy when the probabilities are calibrated),
 * so a rare outcome is not simply never predicted.
 */
final class ResolutionModelTrainer {
    static final String PROBABILITY = "model_probability";

    private final int textFeatures;
    private final double[] regParams;
    private final int folds;
    private final long seed;

    ResolutionModelTrainer(ResolutionModelSettings settings) {
        this.textFeatures = settings.textFeatures();
        this.regParams =
                settings.regParams().stream().mapToDouble(Double::doubleValue).toArray();
        this.folds = settings.folds();
        this.seed = settings.seed();
    }

    /** A fitted model and a line saying how it was chosen. */
    record Fitted(PipelineModel model, String note) {}

    /** @param train {@link ConversationFeatures} rows with a 0/1 {@code label} of both kinds */
    Fitted fit(Dataset<Row> train) {
        FeatureAssembly assembly = new FeatureAssembly(ConversationFeatures.numericNames(), textFeatures);
        List<PipelineStage> stages = assembly.stages();
        LogisticRegression regression = new LogisticRegression()
                .setFeaturesCol("features")
                .setLabelCol("label")
                .setElasticNetParam(0.0)
                .setStandardization(true)
                .setMaxIter(200);
        stages.add(regression);
        CrossValidator search = new CrossValidator()
                .setEstimator(new Pipeline().setStages(stages.toArray(new PipelineStage[0])))
                .setEstimatorParamMaps(assembly.grid(regression.regParam(), regParams))
                .setEvaluator(new BinaryClassificationEvaluator()
                        .setRawPredictionCol("rawPrediction")
                        .setLabelCol("label")
                        .setMetricName("areaUnderROC"))
                .setNumFolds(folds)
                .setSeed(seed)
                .setParallelism(2);
        CrossValidatorModel searched = search.fit(train.orderBy("conversation_id"));
        PipelineModel best = (PipelineModel) searched.bestModel();
        Transformer[] fitted = best.stages();
        double chosen = ((LogisticRegressionModel) fitted[fitted.length - 1]).getRegParam();
        boolean words = FeatureAssembly.usesWords(fitted);
        double cvAuc = Arrays.stream(searched.avgMetrics()).max().orElse(Double.NaN);
        return new Fitted(
                best,
                String.format(
                        java.util.Locale.ROOT,
                        "logistic regression, reg_param %s %s, chosen from reg_params %s%s by area under the ROC"
                                + " curve in %d-fold cross-validation on the training rows (%.3f)",
                        chosen,
                        words ? "with " + textFeatures + " hashed word features" : "without word features",
                        Arrays.toString(regParams),
                        textFeatures > 0 ? " with and without word features" : "",
                        folds,
                        cvAuc));
    }

    /** Adds {@link #PROBABILITY}, the model's probability that the conversation was resolved. */
    static Dataset<Row> predict(PipelineModel model, Dataset<Row> features) {
        return model.transform(features)
                .withColumn(
                        PROBABILITY,
                        functions.vector_to_array(col("probability"), "float64").getItem(1))
                .drop("rawPrediction", "probability", "prediction")
                .drop(FeatureAssembly.COLUMNS);
    }
}
