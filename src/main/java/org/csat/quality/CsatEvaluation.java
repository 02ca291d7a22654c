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
import org.apache.spark.sql.types.DataTypes;
import org.csat.tables.Table;
import org.csat.tables.TableSchemas;
import org.csat.tables.Warehouse;

/**
 * Writes a predicted_csat evaluation to {@code model_metrics}: per cohort ({@code all} and each
 * {@code handled_by}) the mean absolute error and Spearman correlation against the survey
 * score of the model, of the {@link RuleBasedCsat rule-based score}, Spearman of CoreNLP
 * sentiment alone (the customer's mean, over conversations that have one) and the error of
 * always predicting the training mean (the floor any model must beat). One row per
 * version, predictor, metric and cohort, inserted once: re-evaluating a version that is
 * already there writes nothing, so re-runs leave the table unchanged.
 */
final class CsatEvaluation {
    private final Warehouse warehouse;
    private final String runId;

    CsatEvaluation(Warehouse warehouse, String runId) {
        this.warehouse = warehouse;
        this.runId = runId;
    }

    /** The rule-based score on every surveyed conversation (it is not trained). */
    long evaluateRules(String version, Dataset<Row> surveyed, String note) {
        if (alreadyEvaluated(version)) {
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
        return write(metrics, version, PredictCsat.RULES, 0, null, null, null, note);
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
        if (alreadyEvaluated(version)) {
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
                List.of("model", "rules", "customer_sentiment_mean"));
        return write(metrics, version, source, trainSummary.getLong(1), trainUntil, testFrom, path, note);
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

    private boolean alreadyEvaluated(String version) {
        return !warehouse
                .read(Table.MODEL_METRICS)
                .where(col("model_version").equalTo(version))
                .isEmpty();
    }

    private long write(
            Dataset<Row> metrics,
            String version,
            String source,
            long trainRows,
            Timestamp trainUntil,
            Timestamp testFrom,
            String path,
            String note) {
        Dataset<Row> rows = metrics.withColumn("run_id", lit(runId))
                .withColumn("model_version", lit(version))
                .withColumn("source", lit(source))
                .withColumn("train_rows", lit(trainRows))
                .withColumn("test_rows", col("n"))
                .withColumn("train_until", lit(trainUntil).cast(DataTypes.TimestampType))
                .withColumn("test_from", lit(testFrom).cast(DataTypes.TimestampType))
                .withColumn("model_path", lit(path).cast(DataTypes.StringType))
                .withColumn("note", lit(note))
                .selectExpr(TableSchemas.columns(TableSchemas.MODEL_METRICS));
        long before = warehouse.version(Table.MODEL_METRICS);
        warehouse
                .open(Table.MODEL_METRICS)
                .as("t")
                .merge(
                        rows.as("s"),
                        "t.model_version = s.model_version AND t.predictor = s.predictor"
                                + " AND t.metric = s.metric AND t.cohort = s.cohort")
                .whenNotMatched()
                .insertAll()
                .execute();
        return warehouse.rowsWrittenSince(Table.MODEL_METRICS, before);
    }
}
