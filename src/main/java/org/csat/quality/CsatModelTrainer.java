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
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.config.CsatModelSettings;

/**
 * The CSAT model: the {@link RuleBasedCsat rule-based score} plus a correction learned from the
 * surveys, a Spark MLlib ridge regression (standardized features, normal-equation solver) of
 * the survey score's difference from the rule-based score on {@link ConversationFeatures}' numeric
 * features and the conversation's language (one-hot) (with the resolution
 * features, {@link ConversationFeatures#csatNumericNames}) plus, when
 * {@code quality.csat_model.text_features} &gt; 0, that many hashed binary bag-of-words features
 * of the customer's words. The ridge strength ({@code quality.csat_model.reg_params}) and
 * whether the word features help are chosen by Spearman's rank correlation with the survey
 * score ({@link SpearmanEvaluator}) in seeded {@code quality.csat_model.folds}-fold
 * cross-validation of the training rows, with the one-standard-error rule
 * ({@link #oneStandardError}), and the winner is refitted on all of them; the
 * held-out test rows are never seen. Spearman rather than mean absolute error, because when
 * most surveys share one score the error is smallest for the strongest shrinkage, a model
 * that says nearly the same for everyone. Predictions are clipped to the survey's 1..5 scale.
 * Why a correction of the rules rather than a score of its own: with a few hundred surveys a
 * model of its own ranks worse than the rules on the conversations it never saw (on STC-3's
 * helpdesk chats, 0.57 against 0.64), while a correction that the ridge shrinks to nothing
 * <em>is</em> the rules' ranking, so the strongest strengths tried let cross-validation keep the
 * rules where the surveys do not say better.
 */
final class CsatModelTrainer {
    static final String RAW = "raw_prediction";
    private static final String RULES = "rule_based_csat";
    private static final String CORRECTION = "correction";
    private static final String LANGUAGE = "language_features";
    private static final String[] WORK_COLUMNS = {RAW, RULES, CORRECTION, "correction_label", "language_index", LANGUAGE
    };

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
                .setLabelCol("correction_label")
                .setPredictionCol(CORRECTION)
                .setElasticNetParam(0.0)
                .setSolver("normal")
                .setStandardization(true);
        stages.add(regression);
        stages.add(new SQLTransformer()
                .setStatement("SELECT *, " + RULES + " + " + CORRECTION + " AS " + RAW + " FROM __THIS__"));
        Pipeline pipeline = new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
        Dataset<Row> rows = withLabel(train).orderBy("conversation_id");
        ParamMap[] grid = assembly.grid(regression.regParam(), regParams);
        double[][] scores = crossValidated(pipeline, grid, rows);
        ParamMap chosen = oneStandardError(grid, scores, regression, assembly);
        PipelineModel best = pipeline.fit(rows, chosen);
        double strength = (Double) chosen.apply(regression.regParam());
        boolean words = assembly.usesWords(chosen);
        return new Fitted(
                best,
                "rule-based score + ridge regression of the difference, reg_param " + strength
                        + (words ? " with " + textFeatures + " hashed word features" : " without word features")
                        + ", chosen from reg_params " + Arrays.toString(regParams)
                        + (textFeatures > 0 ? " with and without word features" : "")
                        + " as the simplest within one standard error of the best Spearman in " + folds
                        + "-fold cross-validation on the training rows");
    }

    /**
     * The one-standard-error rule: of the settings whose mean cross-validated Spearman is
     * within one standard error of the best one's, the simplest (without word features before
     * with, then the strongest shrinkage). On a few hundred surveys the best mean is partly luck
     * of the folds, and the setting that won by luck is the one that fits noise; the simplest of
     * those the folds cannot tell apart generalizes better.
     */
    /** Spearman of each setting (rows) on each seeded fold (columns), fitted on the other folds. */
    private double[][] crossValidated(Pipeline pipeline, ParamMap[] grid, Dataset<Row> rows) {
        double[] weights = new double[folds];
        Arrays.fill(weights, 1.0);
        Dataset<Row>[] parts = rows.randomSplit(weights, seed);
        SpearmanEvaluator evaluator = new SpearmanEvaluator(RAW, "label");
        double[][] scores = new double[grid.length][folds];
        for (int f = 0; f < folds; f++) {
            Dataset<Row> rest = null;
            for (int g = 0; g < folds; g++) {
                if (g != f) {
                    rest = rest == null ? parts[g] : rest.unionByName(parts[g]);
                }
            }
            Dataset<Row> fitOn = rest.cache();
            for (int i = 0; i < grid.length; i++) {
                PipelineModel model = pipeline.fit(fitOn, grid[i]);
                scores[i][f] = evaluator.evaluate(model.transform(parts[f]));
            }
            fitOn.unpersist();
        }
        return scores;
    }

    /**
     * The one-standard-error rule: of the settings whose mean cross-validated Spearman is
     * within one standard error of the best one's, the simplest (without word features before
     * with, then the strongest shrinkage). On a few hundred surveys the best mean is partly luck
     * of the folds, and the setting that won by luck is the one that fits noise; the simplest of
     * those the folds cannot tell apart generalizes better.
     */
    private ParamMap oneStandardError(
            ParamMap[] grid, double[][] scores, LinearRegression regression, FeatureAssembly assembly) {
        double[] means = Arrays.stream(scores)
                .mapToDouble(s -> Arrays.stream(s).average().orElseThrow())
                .toArray();
        int best = 0;
        for (int i = 1; i < grid.length; i++) {
            if (means[i] > means[best]) {
                best = i;
            }
        }
        double mean = means[best];
        double variance =
                Arrays.stream(scores[best]).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, folds - 1);
        double floor = mean - Math.sqrt(variance / folds);
        ParamMap simplest = grid[best];
        for (int i = 0; i < grid.length; i++) {
            if (means[i] >= floor && simpler(grid[i], simplest, regression, assembly)) {
                simplest = grid[i];
            }
        }
        return simplest;
    }

    private static boolean simpler(ParamMap a, ParamMap b, LinearRegression regression, FeatureAssembly assembly) {
        boolean wordsA = assembly.usesWords(a);
        boolean wordsB = assembly.usesWords(b);
        if (wordsA != wordsB) {
            return !wordsA;
        }
        return (Double) a.apply(regression.regParam()) > (Double) b.apply(regression.regParam());
    }

    static Dataset<Row> withLabel(Dataset<Row> features) {
        return withRules(features)
                .withColumn("label", col("csat").cast("double"))
                .withColumn("correction_label", col("label").minus(col(RULES)));
    }

    private static Dataset<Row> withRules(Dataset<Row> features) {
        return features.withColumn(RULES, RuleBasedCsat.score());
    }

    /** Adds {@code model_prediction}, clipped to 1..5. */
    public static Dataset<Row> predict(PipelineModel model, Dataset<Row> features) {
        Column clipped = least(lit(5.0), greatest(lit(1.0), col(RAW)));
        return model.transform(withRules(features))
                .withColumn("model_prediction", clipped)
                .drop(WORK_COLUMNS)
                .drop(FeatureAssembly.COLUMNS);
    }
}
