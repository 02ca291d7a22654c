package org.csat.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.config.PipelineConfig;
import org.csat.job.NightlyJob;
import org.csat.quality.ConversationFeatures;
import org.csat.quality.RankAgreement;
import org.csat.quality.RuleBasedCsat;
import org.csat.stage.Run;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/**
 * Validation against people: converts a seeded sample of USS dialogues
 * ({@link ConvertUssDialogues}), runs the whole nightly job on them into a fresh warehouse
 * under the work directory (CoreNLP scoring, quality, the CSAT model trained on the earlier
 * 80% and evaluated on the later 20% of the shuffled dialogues), and measures on the held-out
 * dialogues the Spearman correlation with the annotators' mean overall rating of:
 * {@code predicted_csat} (the model), the {@link RuleBasedCsat rule-based score}, and message
 * sentiment alone ({@code silver_messages.sentiment}, CoreNLP combined with the chat lexicon:
 * the customer's mean message sentiment, and their last message's). Also per
 * USS corpus. When the sample is too small for a model, every dialogue is evaluated and the
 * model line is the rule-based score.
 */
public final class EvaluateUssAgreement {
    private final SparkSession spark;
    private final PipelineConfig config;
    private Path ussDirectory;
    private Path workDirectory;
    private int limit = 800;
    private long seed = 42;

    /** One line of the report. */
    public record Figure(String scorer, String cohort, long dialogues, Double spearman, Double mae) {}

    /** The figures, the model that was evaluated and the sizes behind them. */
    public record Result(
            List<Figure> figures, String csatSource, long trainDialogues, long testDialogues, int converted) {}

    public EvaluateUssAgreement(SparkSession spark, PipelineConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("the evaluation needs its settings");
        }
        this.spark = spark;
        this.config = config;
    }

    public EvaluateUssAgreement ussDirectory(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("USS directory not found: " + directory);
        }
        this.ussDirectory = directory;
        return this;
    }

    /** Where the converted input and the evaluation warehouse go; both are replaced. */
    public EvaluateUssAgreement workDirectory(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("work directory must be set");
        }
        this.workDirectory = directory;
        return this;
    }

    public EvaluateUssAgreement limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0: all dialogues), got " + limit);
        }
        this.limit = limit;
        return this;
    }

    public EvaluateUssAgreement seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Result execute() throws IOException {
        if (ussDirectory == null || workDirectory == null) {
            throw new IllegalStateException("ussDirectory and workDirectory must be set before execute()");
        }
        Path input = workDirectory.resolve("input");
        Path warehouseDir = workDirectory.resolve("warehouse");
        deleteRecursively(input);
        deleteRecursively(warehouseDir);
        ConvertUssDialogues.Result converted = new ConvertUssDialogues()
                .input(ussDirectory)
                .limit(limit)
                .seed(seed)
                .execute(input.resolve("uss.jsonl"));
        Warehouse warehouse = new Warehouse(spark, warehouseDir.toString());
        new NightlyJob(spark, warehouse, config)
                .inputDir(input.toString())
                .run(new Run("uss-evaluation", Timestamp.from(Instant.parse("2024-06-01T00:00:00Z"))))
                .arguments("evaluate --uss " + ussDirectory)
                .execute();

        Dataset<Row> silver = warehouse.read(Table.SILVER_CONVERSATIONS);
        String source = silver.select("predicted_csat_source").first().getString(0);
        Timestamp testFrom = null;
        if (source.startsWith("model:")) {
            testFrom = warehouse
                    .read(Table.MODEL_METRICS)
                    .where(col("model_version").equalTo(source.substring("model:".length())))
                    .first()
                    .getAs("test_from");
        }
        Dataset<Row> test =
                testFrom == null ? silver : silver.where(col("started_at").geq(lit(testFrom)));
        Dataset<Row> features = ConversationFeatures.withResolution(
                        new ConversationFeatures(config.phrases()).apply(test, warehouse.read(Table.SILVER_MESSAGES)))
                .join(
                        test.select(col("conversation_id"), col("predicted_csat"), col("customer_sentiment_end")),
                        "conversation_id")
                .join(ratings(converted), "conversation_id")
                .withColumn("rules", RuleBasedCsat.score());
        List<Dataset<Row>> parts = new ArrayList<>();
        parts.add(scorer(
                features,
                source.startsWith("model:") ? "predicted_csat (model)" : "predicted_csat (rules)",
                col("predicted_csat")));
        parts.add(scorer(features, "rule-based score", col("rules")));
        parts.add(scorer(
                features.where(col("has_sentiment").equalTo(1.0)),
                "sentiment alone (CoreNLP + chat lexicon): customer mean",
                col("sentiment_mean")));
        parts.add(scorer(
                features, "sentiment alone (CoreNLP + chat lexicon): customer last", col("customer_sentiment_end")));
        Dataset<Row> all = parts.stream().reduce(Dataset::unionByName).orElseThrow();
        List<Figure> figures = new ArrayList<>();
        for (Row r : RankAgreement.measure(all).collectAsList()) {
            String scorer = r.getAs("predictor");
            boolean onScale = !scorer.startsWith("sentiment alone");
            figures.add(new Figure(
                    scorer,
                    r.getAs("cohort"),
                    r.<Long>getAs("n"),
                    r.getAs("spearman"),
                    onScale ? r.<Double>getAs("mae") : null));
        }
        figures.sort(Comparator.comparing((Figure f) -> !f.cohort().equals("all"))
                .thenComparing(Figure::cohort)
                .thenComparing(f -> parts.size() - order(f.scorer())));
        long testRows = test.count();
        return new Result(figures, source, silver.count() - testRows, testRows, converted.written());
    }

    /** Each dialogue's corpus and annotators' mean rating, from the converter (metadata is redacted like any free text). */
    private Dataset<Row> ratings(ConvertUssDialogues.Result converted) {
        List<Row> rows = converted.sample().stream()
                .map(d -> RowFactory.create(d.conversationId(), d.corpus(), d.overall()))
                .toList();
        StructType schema = new StructType()
                .add("conversation_id", DataTypes.StringType, false)
                .add("corpus", DataTypes.StringType, false)
                .add("rating", DataTypes.DoubleType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static int order(String scorer) {
        return scorer.startsWith("predicted") ? 4 : scorer.startsWith("rule") ? 3 : scorer.contains("mean") ? 2 : 1;
    }

    private static Dataset<Row> scorer(Dataset<Row> features, String name, Column prediction) {
        Dataset<Row> rows = features.select(
                lit(name).as("predictor"),
                col("corpus").as("cohort"),
                prediction.cast("double").as("prediction"),
                col("rating").as("label"));
        return rows.unionByName(rows.withColumn("cohort", lit("all")));
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
