package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.csat.config.CsatModelSettings;
import org.csat.stage.StageContext;
import org.csat.tables.Warehouse;

/**
 * Decides how {@code predicted_csat} is made in this run and makes it. The modeling set is
 * every surveyed conversation up to the last retrain boundary
 * ({@code quality.csat_model.retrain_every_days}); its content fixes the version
 * ({@link ModelVersions}). With at least {@code quality.csat_model.min_surveys} of them it is
 * split by time, the latest {@code quality.csat_model.test_fraction} held out; the model
 * ({@link CsatModelTrainer}) is trained on the earlier rows only, saved under
 * {@code <warehouse>/models/predicted_csat/<version>} and evaluated on the later rows
 * ({@link CsatEvaluation}) beside the rules; when it agrees better with the held-out surveys
 * than the rules (Spearman), every conversation is predicted by that same model, so its
 * held-out figures describe the scores in the table, and otherwise by the rules
 * ({@code model_metrics.note} says which and why). A version already on disk is loaded, not
 * retrained, which makes a re-run produce identical tables. With fewer surveys the
 * {@link RuleBasedCsat rule-based score} is used and evaluated on all surveyed rows (it is not
 * trained, so none are seen in training).
 */
final class PredictCsat {
    public static final String RULES = "rules";

    private final Warehouse warehouse;
    private final CsatModelSettings settings;
    private final java.util.Map<String, String> settingsText;
    private final String runId;

    /** What this run predicts with: {@code source} is the value of {@code predicted_csat_source}. */
    public record Predictor(String source, PipelineModel model, long metricsRowsWritten) {}

    PredictCsat(StageContext context) {
        this.warehouse = context.warehouse();
        this.settings = context.config().quality().csatModel();
        this.settingsText = context.config().texts(CsatModelSettings.DECLARED);
        this.runId = context.run().id();
    }

    /** @param surveyed {@link ConversationFeatures} rows of every conversation with a survey score */
    public Predictor prepare(Dataset<Row> surveyed) throws IOException {
        Dataset<Row> modeling = modelingSet(surveyed.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK()));
        int minSurveys = settings.minSurveys();
        ModelVersions.Fingerprint fingerprint = ModelVersions.fingerprint(modeling, settingsText);
        CsatEvaluation evaluation = new CsatEvaluation(warehouse, runId);
        if (fingerprint.rows() < Math.max(1, minSurveys)) {
            String version = "rules-" + fingerprint.hash();
            String note = "rule-based score: " + fingerprint.rows() + " surveyed conversations, fewer than "
                    + "quality.csat_model.min_surveys=" + minSurveys
                    + "; evaluated on all of them (rules are not trained)";
            long written = evaluation.evaluateRules(version, modeling, note);
            return new Predictor(RULES, null, written);
        }
        double testFraction = settings.testFraction();
        Row split = modeling.agg(expr("percentile(unix_micros(started_at), " + (1 - testFraction) + ")"))
                .first();
        long splitMicros = (long) Math.floor(split.getDouble(0));
        Dataset<Row> train = modeling.where(expr("unix_micros(started_at)").leq(lit(splitMicros)));
        Dataset<Row> test = modeling.where(expr("unix_micros(started_at)").gt(lit(splitMicros)));
        if (test.isEmpty() || train.isEmpty()) {
            String version = "rules-" + fingerprint.hash();
            return new Predictor(
                    RULES,
                    null,
                    evaluation.evaluateRules(
                            version,
                            modeling,
                            "rule-based score: the surveyed conversations cannot be split by time (all start at once)"));
        }
        String version = "lr-" + fingerprint.hash();
        String path = warehouse.root() + "/models/predicted_csat/" + version;
        ModelFiles files = new ModelFiles(modeling.sparkSession());
        ModelFiles.Versioned versioned = files.loadOrFit(path, runId, () -> {
            CsatModelTrainer.Fitted fitted = new CsatModelTrainer(settings).fit(train);
            return new ModelFiles.Versioned(fitted.model(), fitted.note());
        });
        PipelineModel model = versioned.model();
        String note = versioned.note();
        Row span = train.agg(max("started_at"), min("started_at")).first();
        Row testSpan = test.agg(min("started_at")).first();
        long written = evaluation.evaluateModel(
                version,
                "model:" + version,
                model,
                train,
                test,
                path,
                span.getTimestamp(0),
                (Timestamp) testSpan.get(0),
                note);
        if (!evaluation.modelBeatsRules(version)) {
            return new Predictor(RULES, null, written);
        }
        return new Predictor("model:" + version, model, written);
    }

    private Dataset<Row> modelingSet(Dataset<Row> surveyed) {
        int period = settings.retrainEveryDays();
        Row latest = surveyed.agg(max("date")).first();
        if (latest.isNullAt(0)) {
            return surveyed;
        }
        long day = latest.getDate(0).toLocalDate().toEpochDay();
        LocalDate boundary = LocalDate.ofEpochDay(day - Math.floorMod(day, period));
        return surveyed.where(col("csat").isNotNull().and(col("date").leq(lit(java.sql.Date.valueOf(boundary)))));
    }

    /** Adds {@code predicted_csat} and {@code predicted_csat_source} to {@link ConversationFeatures} rows. */
    public static Dataset<Row> apply(Predictor predictor, Dataset<Row> features) {
        Dataset<Row> scored = predictor.model() == null
                ? features.withColumn("predicted_csat", RuleBasedCsat.score())
                : CsatModelTrainer.predict(predictor.model(), features)
                        .withColumnRenamed("model_prediction", "predicted_csat");
        return scored.withColumn("predicted_csat_source", lit(predictor.source()));
    }
}
