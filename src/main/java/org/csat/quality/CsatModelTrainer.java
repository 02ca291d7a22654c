package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.config.CsatModelSettings;

/**
 * The CSAT model: Spark MLlib ridge regression (standardized features, normal-equation solver)
 * of the survey score on {@link ConversationFeatures}' numeric features (with the resolution
 * features, {@link ConversationFeatures#csatNumericNames}) and the conversation's language
 * (one-hot) plus, when
 * {@code quality.csat_model.text_features} &gt; 0, that many hashed binary bag-of-words features
 * of the customer's words. The ridge strength ({@code quality.csat_model.reg_params}) and
 * whether the word features help are chosen by Spearman's rank correlation with the survey
 * score ({@link SpearmanEvaluator}) in seeded {@code quality.csat_model.folds}-fold
 * cross-validation of the training rows, and the winner is refitted on all of them; the
 * held-out test rows are never seen. Spearman rather than mean absolute error, because when
 * most surveys share one score the error is smallest for the strongest shrinkage, a model
 * that says nearly the same for everyone. Predictions are clipped to the survey's 1..5 scale.
 */
final class CsatModelTrainer {
    static final String RAW = "raw_prediction";
    private static final String LANGUAGE = "language_features";
    private static final String[] WORK_COLUMNS = {RAW, "language_index", LANGUAGE};

    private final int textFeatures;
    private final double[] regParams;
    private final int folds;
    private final long seed;

    public CsatModelTrainer(CsatModelSettings settings) {
        this.textFeatures = settings.textFeatures();
        this.regParams =
                settings.regParams().stream().mapToDouble(Double::doubleValue).toArray();
        this.folds = settings.folds();
        this.seed = settings.seed();
    }

    /** A fitted model and a line saying how it was chosen. */
    public record Fitted(PipelineModel model, String note) {}

    /** @param train {@link ConversationFeatures} rows with a non-null {@code csat} */
    public Fitted fit(Dataset<Row> train) {
        List<String> inputs = new ArrayList<>(ConversationFeatures.csatNumericNames());
        inputs.add(LANGUAGE);
        FeatureAssembly assembly = new FeatureAssembly(inputs, textFeatures);
        // The conversation's language, one-hot: customers rate differently from country to
        // country, and a language's phrase lists may fire more or less often than English's.
        // A language the training rows did not have, or none, gets the all-zero vector.
        List<PipelineStage> stages = new ArrayList<>(List.of(
                new StringIndexer()
                        .setInputCol("language")
                        .setOutputCol("language_index")
                        .setStringOrderType("alphabetAsc")
                        .setHandleInvalid("keep"),
                new OneHotEncoder()
                        .setInputCol("language_index")
                        .setOutputCol(LANGUAGE)
                        .setDropLast(true)
                        .setHandleInvalid("keep")));
        stages.addAll(assembly.stages());
        LinearRegression regression = new LinearRegression()
                .setFeaturesCol("features")
                .setLabelCol("label")
                .setPredictionCol(RAW)
                .setElasticNetParam(0.0)
                .setSolver("normal")
                .setStandardization(true);
        stages.add(regression);
        Pipeline pipeline = new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
        CrossValidator search = new CrossValidator()
                .setEstimator(pipeline)
                .setEstimatorParamMaps(assembly.grid(regression.regParam(), regParams))
                .setEvaluator(new SpearmanEvaluator(RAW, "label"))
                .setNumFolds(folds)
                .setSeed(seed)
                .setParallelism(2);
        CrossValidatorModel searched = search.fit(withLabel(train).orderBy("conversation_id"));
        PipelineModel best = (PipelineModel) searched.bestModel();
        Transformer[] fitted = best.stages();
        double chosen = ((LinearRegressionModel) fitted[fitted.length - 1]).getRegParam();
        boolean words = FeatureAssembly.usesWords(fitted);
        return new Fitted(
                best,
                "ridge regression, reg_param " + chosen
                        + (words ? " with " + textFeatures + " hashed word features" : " without word features")
                        + ", chosen from reg_params " + Arrays.toString(regParams)
                        + (textFeatures > 0 ? " with and without word features" : "")
                        + " by Spearman in " + folds + "-fold cross-validation on the training rows");
    }

    static Dataset<Row> withLabel(Dataset<Row> features) {
        return features.withColumn("label", col("csat").cast("double"));
    }

    /** Adds {@code model_prediction}, clipped to 1..5. */
    public static Dataset<Row> predict(PipelineModel model, Dataset<Row> features) {
        Column clipped = least(lit(5.0), greatest(lit(1.0), col(RAW)));
        return model.transform(features)
                .withColumn("model_prediction", clipped)
                .drop(WORK_COLUMNS)
                .drop(FeatureAssembly.COLUMNS);
    }
}
