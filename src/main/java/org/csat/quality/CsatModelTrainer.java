package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.config.PipelineConfig;

/**
 * The CSAT model: Spark MLlib ridge regression (standardized features, normal-equation solver)
 * of the survey score on {@link ConversationFeatures}' numeric features plus, when
 * {@code quality.csat_model.text_features} &gt; 0, that many hashed binary bag-of-words features
 * of the customer's words. The ridge strength is picked from
 * {@code quality.csat_model.reg_params} by mean absolute error on a seeded 75/25 split of the
 * training rows ({@code quality.csat_model.seed}); the held-out test rows are never seen.
 * Predictions are clipped to the survey's 1..5 scale.
 */
public final class CsatModelTrainer {
    static final String RAW = "raw_prediction";

    private final int textFeatures;
    private final double[] regParams;
    private final long seed;

    public CsatModelTrainer(PipelineConfig config) {
        this.textFeatures = config.integer("quality.csat_model.text_features");
        this.regParams = config.stringSet("quality.csat_model.reg_params").stream().mapToDouble(Double::parseDouble).toArray();
        this.seed = config.integer("quality.csat_model.seed");
        if (regParams.length == 0 || textFeatures < 0) {
            throw new IllegalArgumentException("quality.csat_model.reg_params needs at least one value and text_features must be >= 0");
        }
    }

    /** A fitted model and a line saying how it was chosen. */
    public record Fitted(PipelineModel model, String note) {
    }

    /** @param train {@link ConversationFeatures} rows with a non-null {@code csat} */
    public Fitted fit(Dataset<Row> train) {
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new VectorAssembler().setInputCols(ConversationFeatures.numericNames().toArray(new String[0]))
                .setOutputCol("numeric_features"));
        String[] assembled = {"numeric_features"};
        if (textFeatures > 0) {
            stages.add(new HashingTF().setInputCol("customer_words").setOutputCol("text_features")
                    .setNumFeatures(textFeatures).setBinary(true));
            assembled = new String[] {"numeric_features", "text_features"};
        }
        stages.add(new VectorAssembler().setInputCols(assembled).setOutputCol("features"));
        LinearRegression regression = new LinearRegression().setFeaturesCol("features").setLabelCol("label")
                .setPredictionCol(RAW).setElasticNetParam(0.0).setSolver("normal").setStandardization(true);
        stages.add(regression);
        Pipeline pipeline = new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
        ParamMap[] grid = new ParamGridBuilder().addGrid(regression.regParam(), regParams).build();
        TrainValidationSplit search = new TrainValidationSplit().setEstimator(pipeline).setEstimatorParamMaps(grid)
                .setEvaluator(new RegressionEvaluator().setMetricName("mae").setLabelCol("label").setPredictionCol(RAW))
                .setTrainRatio(0.75).setSeed(seed);
        TrainValidationSplitModel searched = search.fit(withLabel(train).orderBy("conversation_id"));
        PipelineModel best = (PipelineModel) searched.bestModel();
        Transformer last = best.stages()[best.stages().length - 1];
        double chosen = ((LinearRegressionModel) last).getRegParam();
        return new Fitted(best, "ridge regression, reg_param " + chosen + " chosen from " + java.util.Arrays.toString(regParams)
                + " on a validation split of the training rows; " + (textFeatures > 0 ? textFeatures + " hashed word features" : "no word features"));
    }

    static Dataset<Row> withLabel(Dataset<Row> features) {
        return features.withColumn("label", col("csat").cast("double"));
    }

    /** Adds {@code model_prediction}, clipped to 1..5. */
    public static Dataset<Row> predict(PipelineModel model, Dataset<Row> features) {
        Column clipped = least(lit(5.0), greatest(lit(1.0), col(RAW)));
        return model.transform(features).withColumn("model_prediction", clipped)
                .drop(RAW, "numeric_features", "text_features", "features");
    }
}
