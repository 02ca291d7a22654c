package org.csat.quality;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.csat.config.ResolutionModelSettings;
import org.csat.stage.StageContext;
import org.csat.tables.Warehouse;

/**
 * Decides who says whether a conversation was resolved, and says it. People's labels come in
 * {@code metadata[quality.resolution_model.label_key]} (true/yes/1 or false/no/0). With at
 * least {@code quality.resolution_model.min_labels} labelled conversations of both kinds, the
 * latest {@code quality.resolution_model.test_fraction} of them by {@code started_at} are held
 * out, the model ({@link ResolutionModelTrainer}) is trained on the earlier ones and saved under
 * {@code <warehouse>/models/resolution/<version>} (the version hashes the labelled rows and the
 * settings, so a re-run loads it), and model and rules are evaluated on the held-out ones into
 * {@code model_metrics} (area under the ROC curve of the probability, balanced accuracy of the
 * decision). The model decides {@code resolved} only when its balanced accuracy beats the
 * rules', and then refitted by the same procedure on every labelled conversation (saved beside
 * it, {@code <version>-all}; on STC-3 the quarter more rows added 0.003 to the area under the
 * curve); otherwise, and with too few labels, the rules ({@link ClassifyResolution},
 * {@link ResolutionStatus}) decide. Facts are never overruled: a customer who came back, never
 * wrote or got no answer is not resolved, whatever the model reads in the words.
 */
final class PredictResolution {
    static final String RULES = "rules";
    static final String MODEL = "resolution_model";
    static final String RULES_PREDICTOR = "resolution_rules";

    /** Where, beside the evaluated model, the one refitted on every labelled conversation is saved. */
    private static final String REFITTED = "-all";

    /** The rules whose verdict is a fact the model does not overrule. */
    private static final Object[] FACTS = {ResolutionStatus.REPEAT_CONTACT, "no_customer_message", "no_answer"};

    private final Warehouse warehouse;
    private final ResolutionModelSettings settings;
    private final Map<String, String> settingsText;
    private final String runId;

    /** What decides {@code resolved} in this run: {@code source} is the value of {@code resolution_source}. */
    record Predictor(String source, PipelineModel model, double threshold, long metricsRowsWritten) {}

    PredictResolution(StageContext context) {
        this.warehouse = context.warehouse();
        this.settings = context.config().quality().resolutionModel();
        this.settingsText = context.config().texts(ResolutionModelSettings.DECLARED);
        this.runId = context.run().id();
    }

    /**
     * @param conversations every conversation (final rule verdicts), with {@code metadata}
     * @param features      what makes their features ({@link ConversationFeatures})
     * @param messages      silver_messages
     */
    Predictor prepare(Dataset<Row> conversations, ConversationFeatures features, Dataset<Row> messages)
            throws IOException {
        Dataset<Row> labels = labels(conversations);
        if (labels.isEmpty()) {
            return new Predictor(RULES, null, 0, 0);
        }
        Dataset<Row> labelled = conversations.join(labels, new String[] {"conversation_id"}, "left_semi");
        Dataset<Row> modeling = stable(features.apply(labelled, messages).join(labels, "conversation_id"))
                .localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
        ModelVersions.Fingerprint fingerprint = ModelVersions.fingerprint(modeling, settingsText);
        ModelMetricsTable table = new ModelMetricsTable(warehouse, runId);
        if (fingerprint.rows() < Math.max(1, settings.minLabels())) {
            String note = "rules: " + fingerprint.rows() + " labelled conversations, fewer than"
                    + " quality.resolution_model.min_labels=" + settings.minLabels()
                    + "; evaluated on all of them (rules are not trained)";
            return rules(table, "rules-resolution-" + fingerprint.hash(), modeling, note);
        }
        Row split = modeling.agg(expr("percentile(unix_micros(started_at), " + (1 - settings.testFraction()) + ")"))
                .first();
        long splitMicros = (long) Math.floor(split.getDouble(0));
        Dataset<Row> train = modeling.where(expr("unix_micros(started_at)").leq(lit(splitMicros)));
        Dataset<Row> test = modeling.where(expr("unix_micros(started_at)").gt(lit(splitMicros)));
        Row trainSummary = train.agg(avg("label"), min("label"), max("label"), max("started_at"))
                .first();
        if (test.isEmpty() || train.isEmpty() || trainSummary.getDouble(1) == trainSummary.getDouble(2)) {
            return rules(
                    table,
                    "rules-resolution-" + fingerprint.hash(),
                    modeling,
                    "rules: the labelled conversations cannot be split by time into training rows of both"
                            + " kinds and held-out rows");
        }
        String version = "logit-" + fingerprint.hash();
        String path = warehouse.root() + "/models/resolution/" + version;
        double threshold = trainSummary.getDouble(0);
        double allShare = modeling.agg(avg("label")).first().getDouble(0);
        ModelFiles files = new ModelFiles(modeling.sparkSession());
        ModelFiles.Versioned versioned = files.loadOrFit(path, runId, () -> {
            ResolutionModelTrainer.Fitted fitted = new ResolutionModelTrainer(settings).fit(train);
            return new ModelFiles.Versioned(fitted.model(), fitted.note());
        });
        PipelineModel model = versioned.model();
        String note = versioned.note();
        Predictor candidate = new Predictor("model:" + version, model, threshold, 0);
        long written = 0;
        if (!table.evaluated(version)) {
            Dataset<Row> scored = apply(candidate, test);
            Dataset<Row> metrics = measured(scored, MODEL, "auc", col("resolution_probability"))
                    .unionByName(measured(scored, MODEL, "balanced_accuracy", flag(col("resolved"))))
                    .unionByName(measured(scored, RULES_PREDICTOR, "balanced_accuracy", rulesDecision()))
                    .localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
            String verdict = ModelMetricsTable.verdict(
                    "balanced accuracy",
                    ModelMetricsTable.overall(metrics, MODEL, "balanced_accuracy"),
                    ModelMetricsTable.overall(metrics, RULES_PREDICTOR, "balanced_accuracy"),
                    "resolved");
            written = table.insert(
                    metrics,
                    new ModelMetricsTable.Evaluated(
                            version,
                            candidate.source(),
                            train.count(),
                            trainSummary.getTimestamp(3),
                            (Timestamp) test.agg(min("started_at")).first().get(0),
                            path,
                            note + String.format(java.util.Locale.ROOT, "; resolved when p >= %.4f", threshold)
                                    + " (the training rows' share resolved); " + verdict
                                    + String.format(
                                            java.util.Locale.ROOT,
                                            "; when the model decides, it is refitted the same way on all %d"
                                                    + " labelled conversations (saved at %s) and resolved is"
                                                    + " p >= %.4f, their share resolved",
                                            fingerprint.rows(),
                                            path + REFITTED,
                                            allShare)));
        }
        if (!table.modelBeatsRules(version, MODEL, RULES_PREDICTOR, "balanced_accuracy")) {
            return new Predictor(RULES, null, 0, written);
        }
        // The held-out rows have said whether the model does better than the rules; the model
        // that then decides learns from every labelled conversation, held-out ones included, by
        // the same procedure (as cross-validation refits its winner on all rows).
        PipelineModel deployed = files.loadOrFit(path + REFITTED, runId, () -> {
                    ResolutionModelTrainer.Fitted fitted = new ResolutionModelTrainer(settings).fit(modeling);
                    return new ModelFiles.Versioned(fitted.model(), fitted.note());
                })
                .model();
        return new Predictor(candidate.source(), deployed, allShare, written);
    }

    /** The rules evaluated on every labelled conversation (they are not trained). */
    private Predictor rules(ModelMetricsTable table, String version, Dataset<Row> labelled, String note) {
        long written = 0;
        if (!table.evaluated(version)) {
            Dataset<Row> metrics = measured(labelled, RULES_PREDICTOR, "balanced_accuracy", rulesDecision());
            written = table.insert(metrics, new ModelMetricsTable.Evaluated(version, RULES, 0, null, null, null, note));
        }
        return new Predictor(RULES, null, 0, written);
    }

    /**
     * {@code resolved}, {@code resolution_probability} and {@code resolution_source} of feature
     * rows as the predictor decides them (unchanged when the rules decide).
     */
    static Dataset<Row> apply(Predictor predictor, Dataset<Row> features) {
        if (predictor.model() == null) {
            return features.withColumn("resolution_source", lit(RULES))
                    .withColumn("resolution_probability", lit(null).cast("double"))
                    .withColumn("resolved", ResolutionStatus.resolved(col("resolution_status")));
        }
        Column fact = col("resolution_rule").isin(FACTS);
        return ResolutionModelTrainer.predict(predictor.model(), features)
                .withColumn(
                        "resolution_probability",
                        when(fact, lit(0.0)).otherwise(col(ResolutionModelTrainer.PROBABILITY)))
                .withColumn(
                        "resolved",
                        col("resolution_probability")
                                .geq(lit(predictor.threshold()))
                                .and(fact.unary_$bang()))
                .withColumn("resolution_source", lit(predictor.source()))
                .drop(ResolutionModelTrainer.PROBABILITY);
    }

    /** A person's label, where the metadata has one that reads as yes or no. */
    private Dataset<Row> labels(Dataset<Row> conversations) {
        Column value = lower(trim(element_at(col("metadata"), settings.labelKey())));
        Column label = when(value.isin("true", "yes", "1"), lit(1.0)).when(value.isin("false", "no", "0"), lit(0.0));
        return conversations
                .select(col("conversation_id"), label.as("label"))
                .where(col("label").isNotNull());
    }

    /** The columns that define the modeling rows (not the stored decisions, which change with the model). */
    private static Dataset<Row> stable(Dataset<Row> features) {
        List<Column> columns = new ArrayList<>(List.of(
                col("conversation_id"),
                col("started_at"),
                col("handled_by"),
                col("label"),
                col("resolution_status"),
                col("resolution_rule"),
                col("customer_words")));
        ConversationFeatures.numericNames().forEach(name -> columns.add(col(name)));
        return features.select(columns.toArray(new Column[0]));
    }

    private static Column rulesDecision() {
        return flag(ResolutionStatus.resolved(col("resolution_status")));
    }

    private static Column flag(Column decision) {
        return when(decision, 1.0).otherwise(0.0);
    }

    /** model_metrics rows ({@code predictor, metric, cohort, value, n}): the area under the ROC curve, per cohort. */
    private static Dataset<Row> measured(Dataset<Row> scored, String predictor, String metric, Column prediction) {
        Dataset<Row> byCohort = scored.select(
                lit(predictor).as("predictor"),
                col("handled_by").as("cohort"),
                prediction.cast("double").as("prediction"),
                col("label"));
        return RankAgreement.auc(byCohort.unionByName(byCohort.withColumn("cohort", lit("all"))))
                .select(
                        col("predictor"),
                        lit(metric).as("metric"),
                        col("cohort"),
                        col("auc").as("value"),
                        col("n"));
    }
}
