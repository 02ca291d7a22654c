package org.csat.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.csat.config.PipelineConfig;
import org.csat.job.NightlyJob;
import org.csat.nlp.SentimentModel;
import org.csat.quality.ConversationFeatures;
import org.csat.quality.RankAgreement;
import org.csat.quality.ResolutionStatus;
import org.csat.quality.RuleBasedCsat;
import org.csat.stage.Run;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/**
 * Agreement with people on real helpdesk chats (NTCIR-14 STC-3, {@link ConvertStc3Dialogues}):
 * does {@code resolved} separate the dialogues whose task the annotators saw accomplished
 * (mean A &gt; 0) from the rest, and does {@code predicted_csat} rank their satisfaction S?
 * Cross-validated: the seeded shuffle of the dialogues is cut into {@link #folds} folds, and for
 * each fold the whole nightly job runs on every dialogue in a fresh warehouse, with people's
 * resolution labels (A &gt; 0) on the other folds' dialogues, so the resolution model trains on
 * them, a seeded {@link #surveyShare} of those also carrying S as a survey {@code csat}, so the
 * CSAT model trains, and nothing on the fold's own dialogues, whose rows are then read back.
 * Every dialogue is thus scored by a job that never saw its label or survey. Three conditions
 * are read from those rows:
 * <ol>
 * <li>{@code transcripts only}: what the rules alone give (the rules' status, and the rule-based
 * score starting from it), which is what a run without labels or surveys writes: the rules read
 * neither;</li>
 * <li>{@code labels, no surveys}: {@code resolved} as decided with the labels, and the
 * rule-based score starting from the resolution model's probability, which is what
 * {@code predicted_csat} is in a run without surveys (the resolution model does not read
 * surveys, so it is the same model);</li>
 * <li>{@code labels + surveys}: {@code predicted_csat} as written (the CSAT model where it beat
 * the rules on its own held-out surveys).</li>
 * </ol>
 * Measures, over all dialogues: AUC(resolved, A &gt; 0) (for a yes/no column, its balanced
 * accuracy), AUC(resolution_probability, A &gt; 0) where a model decided,
 * Spearman(predicted_csat, S), AUC(predicted_csat, A &gt; 0); and baselines: Spearman with S of
 * the customer's last message's sentiment, CoreNLP's alone and the combined one.
 */
public final class EvaluateStc3Agreement {
    static final String TRANSCRIPTS_ONLY = "transcripts only";
    static final String LABELS = "labels, no surveys";
    static final String LABELS_SURVEYS = "labels + surveys";

    /** More than the development split's customer sentences (about 3,000), a few MB. */
    private static final int REMEMBERED_SENTENCES = 50_000;

    private static final StructType RATINGS = new StructType()
            .add("conversation_id", DataTypes.StringType, false)
            .add("a", DataTypes.DoubleType, false)
            .add("s", DataTypes.DoubleType, false);

    private final SparkSession spark;
    private final PipelineConfig config;
    private Path file;
    private Path workDirectory;
    private int folds = 5;
    private double surveyShare = 0.5;
    private long seed = 42;

    /** One figure of one condition. */
    public record Figure(String condition, String measure, long dialogues, Double value) {}

    /** The figures, and what decided resolved and predicted_csat in each run. */
    public record Result(List<Figure> figures, int dialogues, List<String> runs) {}

    public EvaluateStc3Agreement(SparkSession spark, PipelineConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("the evaluation needs its settings");
        }
        this.spark = spark;
        this.config = config;
    }

    /** The STC-3 JSON file (a JSON array of dialogues with turns and annotations). */
    public EvaluateStc3Agreement file(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("STC-3 file not found: " + file);
        }
        this.file = file;
        return this;
    }

    /** Where the converted input and the runs' warehouses go; replaced. */
    public EvaluateStc3Agreement workDirectory(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("work directory must be set");
        }
        this.workDirectory = directory;
        return this;
    }

    public EvaluateStc3Agreement folds(int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        }
        this.folds = folds;
        return this;
    }

    /** The share of the training folds' dialogues that carry S as a survey (0 skips that condition). */
    public EvaluateStc3Agreement surveyShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the survey share must be in 0..1, got " + share);
        }
        this.surveyShare = share;
        return this;
    }

    public EvaluateStc3Agreement seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Result execute() throws IOException {
        if (file == null || workDirectory == null) {
            throw new IllegalStateException("file and workDirectory must be set before execute()");
        }
        List<ConvertStc3Dialogues.Dialogue> order =
                ConvertStc3Dialogues.shuffled(ConvertStc3Dialogues.read(file), seed);
        if (order.size() < folds) {
            throw new IllegalArgumentException(
                    "only " + order.size() + " dialogues in " + file + " for " + folds + " folds");
        }
        List<String> runs = new ArrayList<>();
        List<Row> scored = new ArrayList<>();
        // Every fold's job parses the same sentences: the first parses them, the others read
        // its scores (the jobs run in this JVM, local mode).
        SentimentModel.rememberScores(REMEMBERED_SENTENCES);
        try {
            for (int fold = 0; fold < folds; fold++) {
                Set<String> heldOut = ids(order, fold);
                Set<String> labelled = new HashSet<>(ids(order, -1));
                labelled.removeAll(heldOut);
                Set<String> surveyed = sample(order, labelled, surveyShare, seed + fold);
                scored.addAll(run("fold" + fold, order, labelled, surveyed, heldOut, runs));
            }
        } finally {
            SentimentModel.rememberScores(0);
        }
        Dataset<Row> all = spark.createDataFrame(scored, scored.get(0).schema());
        List<Figure> figures = new ArrayList<>();
        figures.addAll(figures(TRANSCRIPTS_ONLY, all, col("rules_resolved"), null, col("rules_csat")));
        figures.addAll(
                figures(LABELS, all, col("resolved"), col("resolution_probability"), col("csat_without_surveys")));
        if (surveyShare > 0) {
            figures.addAll(figures(
                    LABELS_SURVEYS, all, col("resolved"), col("resolution_probability"), col("predicted_csat")));
        }
        return new Result(figures, order.size(), runs);
    }

    /** The ids of fold {@code fold} (every id with -1): the i-th dialogue of the order is in fold i mod folds. */
    private Set<String> ids(List<ConvertStc3Dialogues.Dialogue> order, int fold) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            if (fold < 0 || i % folds == fold) {
                ids.add(order.get(i).id());
            }
        }
        return ids;
    }

    private static Set<String> sample(
            List<ConvertStc3Dialogues.Dialogue> order, Set<String> from, double share, long seed) {
        Random random = new Random(seed);
        Set<String> picked = new HashSet<>();
        for (ConvertStc3Dialogues.Dialogue d : order) {
            if (from.contains(d.id()) && random.nextDouble() < share) {
                picked.add(d.id());
            }
        }
        return picked;
    }

    /** Runs the nightly job on every dialogue and returns the rows of {@code keep}, with the annotators' means. */
    private List<Row> run(
            String name,
            List<ConvertStc3Dialogues.Dialogue> order,
            Set<String> labelled,
            Set<String> surveyed,
            Set<String> keep,
            List<String> runs)
            throws IOException {
        Path input = workDirectory.resolve(name).resolve("input");
        Path warehouseDir = workDirectory.resolve(name).resolve("warehouse");
        EvaluateUssAgreement.deleteRecursively(workDirectory.resolve(name));
        ConvertStc3Dialogues.write(
                order, labelled, config.quality().resolutionModel().labelKey(), surveyed, input.resolve("stc3.jsonl"));
        Warehouse warehouse = new Warehouse(spark, warehouseDir.toString());
        new NightlyJob(spark, warehouse, config)
                .inputDir(input.toString())
                .run(new Run("stc3-" + name, Timestamp.from(Instant.parse("2024-06-01T00:00:00Z"))))
                .arguments("evaluate --stc3 " + file + " (" + name + ")")
                .execute();
        Dataset<Row> messages =
                warehouse.read(Table.SILVER_MESSAGES).where(col("role").equalTo("customer"));
        Dataset<Row> lastCustomer = messages.where(col("corenlp_sentiment").isNotNull())
                .groupBy("conversation_id")
                .agg(max(struct(col("seq"), col("corenlp_sentiment"), col("sentiment")))
                        .as("last"))
                .select(
                        col("conversation_id"),
                        col("last.corenlp_sentiment").as("last_corenlp"),
                        col("last.sentiment").as("last_combined"));
        // By conversation_id, not metadata's stc3_id: a 16-digit id that passes the Luhn check
        // reads as a card number and is redacted in metadata (54 of the 560 development ids).
        // The annotators' means come from the file, not from metadata, for the same reason.
        List<Row> ratings = order.stream()
                .filter(d -> keep.contains(d.id()))
                .map(d -> RowFactory.create(d.conversationId(), d.a(), d.s()))
                .toList();
        Dataset<Row> silver = warehouse
                .read(Table.SILVER_CONVERSATIONS)
                .join(spark.createDataFrame(ratings, RATINGS), "conversation_id");
        Dataset<Row> features =
                new ConversationFeatures(config.phrases()).apply(silver, warehouse.read(Table.SILVER_MESSAGES));
        Column rulesResolved = ResolutionStatus.resolved(col("resolution_status"));
        Dataset<Row> rulesScore = ConversationFeatures.withResolution(features.withColumn("resolved", rulesResolved)
                        .withColumn("resolution_probability", lit(null).cast("double")))
                .select(col("conversation_id"), RuleBasedCsat.score().as("rules_csat"));
        Dataset<Row> withoutSurveys = ConversationFeatures.withResolution(features)
                .select(col("conversation_id"), RuleBasedCsat.score().as("csat_without_surveys"));
        Dataset<Row> rows = silver.join(lastCustomer, new String[] {"conversation_id"}, "left")
                .join(rulesScore, "conversation_id")
                .join(withoutSurveys, "conversation_id")
                .select(
                        col("conversation_id"),
                        rulesResolved.as("rules_resolved"),
                        col("rules_csat"),
                        col("resolved"),
                        col("resolution_probability"),
                        col("resolution_source"),
                        col("csat_without_surveys"),
                        col("predicted_csat"),
                        col("predicted_csat_source"),
                        col("last_corenlp"),
                        col("last_combined"),
                        col("a"),
                        col("s"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> sources = rows.groupBy("resolution_source", "predicted_csat_source")
                .count()
                .collectAsList();
        for (Row source : sources) {
            runs.add(name + ": resolved by " + source.get(0) + ", predicted_csat by " + source.get(1) + " ("
                    + source.getLong(2) + " dialogues read)");
        }
        List<Row> kept = rows.collectAsList();
        rows.unpersist();
        if (kept.size() != keep.size()) {
            throw new IllegalStateException(name + ": " + keep.size() + " held-out dialogues written, "
                    + kept.size() + " read back from silver_conversations; a dialogue the job lost or"
                    + " quarantined would bias every figure (see the run's quarantine table in " + warehouseDir + ")");
        }
        return kept;
    }

    private List<Figure> figures(
            String condition, Dataset<Row> all, Column resolved, Column probability, Column predictedCsat) {
        Column accomplished = when(col("a").gt(0), 1.0).otherwise(0.0);
        List<Dataset<Row>> aucs = new ArrayList<>();
        aucs.add(pairs(all, "AUC(resolved, A > 0)", when(resolved, 1.0).otherwise(0.0), accomplished));
        if (probability != null) {
            aucs.add(pairs(all, "AUC(resolution_probability, A > 0)", probability, accomplished));
        }
        aucs.add(pairs(all, "AUC(predicted_csat, A > 0)", predictedCsat, accomplished));
        List<Dataset<Row>> spearmans = new ArrayList<>();
        spearmans.add(pairs(all, "Spearman(predicted_csat, S)", predictedCsat, col("s")));
        if (condition.equals(TRANSCRIPTS_ONLY)) {
            spearmans.add(pairs(all, "Spearman(customer's last message: CoreNLP, S)", col("last_corenlp"), col("s")));
            spearmans.add(pairs(
                    all,
                    "Spearman(customer's last message: CoreNLP + chat lexicon, S)",
                    col("last_combined"),
                    col("s")));
        }
        List<Figure> figures = new ArrayList<>();
        for (Row r : RankAgreement.auc(union(aucs)).collectAsList()) {
            figures.add(new Figure(condition, r.getAs("predictor"), r.<Long>getAs("n"), r.getAs("auc")));
        }
        for (Row r : RankAgreement.measure(union(spearmans)).collectAsList()) {
            figures.add(new Figure(condition, r.getAs("predictor"), r.<Long>getAs("n"), r.getAs("spearman")));
        }
        figures.sort(java.util.Comparator.comparing(Figure::measure));
        return figures;
    }

    private static Dataset<Row> pairs(Dataset<Row> rows, String measure, Column prediction, Column label) {
        return rows.select(
                lit(measure).as("predictor"),
                lit("all").as("cohort"),
                prediction.cast("double").as("prediction"),
                label.cast("double").as("label"));
    }

    private static Dataset<Row> union(List<Dataset<Row>> parts) {
        return parts.stream().reduce(Dataset::unionByName).orElseThrow();
    }
}
