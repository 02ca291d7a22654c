package org.csat.quality;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.csat.tables.Warehouse;

/**
 * Writes a predicted_csat evaluation to {@code model_metrics}: per cohort ({@code all} and each
 * {@code handled_by}) the mean absolute error and Spearman correlation against the survey
 * score of the model, of the {@link RuleBasedCsat rule-based score}, Spearman of CoreNLP
 * sentiment alone (the customer's mean, over conversations that have one) and the error of
 * always predicting the training mean (the floor any model must beat). One row per
 * version, predictor, metric and cohort, inserted once ({@link ModelMetricsTable}). The
 * model's note ends with the verdict: whether it agreed better with the held-out surveys than
 * the rules, and so which of the two scores {@code predicted_csat}.
 */
final class CsatEvaluation {
    private final ModelMetricsTable table;

    CsatEvaluation(Warehouse warehouse, String runId) {
        this.table = new ModelMetricsTable(warehouse, runId);
    }

    /** The rule-based score on every surveyed conversation (it is not trained). */
    long evaluateRules(String version, Dataset<Row> surveyed, String note) {
        if (table.evaluated(version)) {
            return 0;
        }
        Dataset<Row> scored = surveyed.withColumn("rules_prediction", RuleBasedCsat.score());
        List<Dataset<Row>> predictions = List.of(
                predictions(scored, "rules", col("rules_prediction")),
                predictions(
                        scored.where(col("has_sentiment").equalTo(1.0)),
                        "customer_sentiment_mean",
                        col("sentiment_mean")));
        Dataset<Row> metrics = metricRows(predictions, List.of("rules"), List.of("rules", "customer_sentiment_mean"));
        return table.insert(
                metrics, new ModelMetricsTable.Evaluated(version, PredictCsat.RULES, 0, null, null, null, note));
    }

    /** The model, the rules, sentiment alone and the training mean on the held-out {@code test} rows. */
    long evaluateModel(
            String version,
            String source,
            PipelineModel model,
            Dataset<Row> train,
            Dataset<Row> test,
            String path,
            Timestamp trainUntil,
            Timestamp testFrom,
            String note) {
        if (table.evaluated(version)) {
            return 0;
        }
        Row trainSummary = train.agg(avg(col("csat").cast("double")), org.apache.spark.sql.functions.count(lit(1)))
                .first();
        double trainMean = trainSummary.getDouble(0);
        Dataset<Row> scored =
                CsatModelTrainer.predict(model, test).withColumn("rules_prediction", RuleBasedCsat.score());
        List<Dataset<Row>> predictions = List.of(
                predictions(scored, "model", col("model_prediction")),
                predictions(scored, "rules", col("rules_prediction")),
                predictions(
                        scored.where(col("has_sentiment").equalTo(1.0)),
                        "customer_sentiment_mean",
                        col("sentiment_mean")),
                predictions(scored, "train_mean", lit(trainMean)));
        Dataset<Row> metrics = metricRows(
                        predictions,
                        List.of("model", "rules", "train_mean"),
                        List.of("model", "rules", "customer_sentiment_mean"))
                .localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
        String verdict = ModelMetricsTable.verdict(
                "Spearman",
                ModelMetricsTable.overall(metrics, "model", "spearman"),
                ModelMetricsTable.overall(metrics, "rules", "spearman"),
                "predicted_csat");
        return table.insert(
                metrics,
                new ModelMetricsTable.Evaluated(
                        version, source, trainSummary.getLong(1), trainUntil, testFrom, path, note + "; " + verdict));
    }

    /** Whether the model of an evaluated version agreed better with the held-out surveys than the rules. */
    boolean modelBeatsRules(String version) {
        return table.modelBeatsRules(version, "model", "rules", "spearman");
    }

    private static Dataset<Row> predictions(Dataset<Row> scored, String predictor, Column prediction) {
        Dataset<Row> byCohort = scored.select(
                lit(predictor).as("predictor"),
                col("handled_by").as("cohort"),
                prediction.cast("double").as("prediction"),
                col("csat").cast("double").as("label"));
        return byCohort.unionByName(byCohort.withColumn("cohort", lit("all")));
    }

    private static Dataset<Row> metricRows(
            List<Dataset<Row>> predictions, List<String> withMae, List<String> withSpearman) {
        Dataset<Row> all = predictions.get(0);
        for (Dataset<Row> more : predictions.subList(1, predictions.size())) {
            all = all.unionByName(more);
        }
        Dataset<Row> agreement = RankAgreement.measure(all);
        List<Dataset<Row>> rows = new ArrayList<>();
        rows.add(agreement
                .where(col("predictor").isin(withMae.toArray()))
                .select(
                        col("predictor"),
                        lit("mae").as("metric"),
                        col("cohort"),
                        col("mae").as("value"),
                        col("n")));
        rows.add(agreement
                .where(col("predictor").isin(withSpearman.toArray()))
                .select(
                        col("predictor"),
                        lit("spearman").as("metric"),
                        col("cohort"),
                        col("spearman").as("value"),
                        col("n")));
        return rows.get(0).unionByName(rows.get(1));
    }
}
