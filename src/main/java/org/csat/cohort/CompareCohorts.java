package org.csat.cohort;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.csat.config.ComparisonSettings;
import org.csat.tables.TableSchemas;

/**
 * Silver conversations -> the three comparison tables. Finds the rollout, prepares the frame,
 * derives complexity bands, fits the propensity models, sums cells per bootstrap replicate,
 * fixes the strata from the data as it is, runs every estimator per replicate on the
 * executors and summarizes the replicates into estimates with intervals; then the same again
 * on each language's conversations that {@link LanguageCut} states (with the overall rollout
 * and bands), and the reason for each language it does not. Deterministic: the
 * bootstrap is seeded ({@code cohort.bootstrap_seed}), the logistic regression has no
 * randomness and the output is rounded (see {@link Values}).
 */
final class CompareCohorts {
    private final SparkSession spark;
    private final ComparisonSettings settings;

    /**
     * The three tables, the first two again per language ({@link LanguageCut}), and the rollout
     * date they are based on (null when none was found).
     */
    public record Result(
            Dataset<Row> comparison,
            Dataset<Row> qualityDrop,
            Dataset<Row> topicQuality,
            Dataset<Row> comparisonByLanguage,
            Dataset<Row> qualityDropByLanguage,
            LocalDate rolloutDate) {}

    /** The rows of gold_cohort_comparison and gold_quality_drop from one set of conversations. */
    private record Estimates(List<Row> comparison, List<Row> qualityDrop) {}

    public CompareCohorts(SparkSession spark, ComparisonSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("the comparison needs its settings");
        }
        this.spark = spark;
        this.settings = settings;
    }

    public Result apply(Dataset<Row> silver) {
        QualityMetrics.Selection selection = QualityMetrics.select(silver.schema());
        Optional<DetectRollout.Rollout> rollout =
                new DetectRollout().settings(settings).execute(silver);
        LocalDate date = rollout.map(DetectRollout.Rollout::date).orElse(null);
        Dataset<Row> prepared = new PrepareComparisonFrame(date, selection.sources())
                .apply(silver)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> bands = new DeriveComplexityBands(spark, settings.bandMinConversations()).apply(prepared);
            Dataset<Row> frame = prepared.join(
                            broadcast(bands.select(PrepareComparisonFrame.TOPIC, PrepareComparisonFrame.BAND)),
                            PrepareComparisonFrame.TOPIC,
                            "left")
                    .withColumn(
                            PrepareComparisonFrame.BAND, coalesce(col(PrepareComparisonFrame.BAND), lit("unknown")));
            if (date == null) {
                String note = "no bot rollout found: the bot never answered first in "
                        + Math.round(100 * settings.rolloutShareThreshold())
                        + "% of a day's conversations; set cohort.rollout_date to compare anyway";
                List<Row> dropByLanguage = new ArrayList<>();
                for (LanguageCut.Size size : LanguageCut.sizes(prepared, settings)) {
                    notStated(selection, null, size, note, dropByLanguage);
                }
                return new Result(
                        spark.createDataFrame(List.of(), TableSchemas.GOLD_COHORT_COMPARISON),
                        spark.createDataFrame(
                                new QualityDropRows(selection.sources(), Map.of(), null, settings, null, note).rows(),
                                TableSchemas.GOLD_QUALITY_DROP),
                        spark.createDataFrame(List.of(), TableSchemas.GOLD_TOPIC_QUALITY),
                        spark.createDataFrame(List.of(), TableSchemas.GOLD_COHORT_COMPARISON_BY_LANGUAGE),
                        spark.createDataFrame(dropByLanguage, TableSchemas.GOLD_QUALITY_DROP_BY_LANGUAGE),
                        null);
            }
            return compare(frame, bands, selection, date);
        } finally {
            prepared.unpersist();
        }
    }

    private Result compare(Dataset<Row> frame, Dataset<Row> bands, QualityMetrics.Selection selection, LocalDate date) {
        Dataset<Row> weighted = weigh(frame);
        try {
            Estimates overall = estimate(weighted, selection, date);
            Dataset<Row> topics =
                    new BuildTopicQuality(spark, selection.present(), settings, date).apply(weighted, bands);
            List<Row> comparisonByLanguage = new ArrayList<>();
            List<Row> dropByLanguage = new ArrayList<>();
            for (LanguageCut.Size size : LanguageCut.sizes(frame, settings)) {
                if (!size.stated()) {
                    notStated(selection, date, size, size.notStated(), dropByLanguage);
                    continue;
                }
                Dataset<Row> language = weigh(
                        frame.where(col(PrepareComparisonFrame.LANGUAGE_CUT).equalTo(size.language())));
                try {
                    Estimates cut = estimate(language, selection, date);
                    cut.comparison().forEach(row -> comparisonByLanguage.add(leading(row, size.language())));
                    cut.qualityDrop()
                            .forEach(row ->
                                    dropByLanguage.add(leading(row, size.language(), true, size.conversations())));
                } finally {
                    language.unpersist();
                }
            }
            return new Result(
                    spark.createDataFrame(overall.comparison(), TableSchemas.GOLD_COHORT_COMPARISON),
                    spark.createDataFrame(overall.qualityDrop(), TableSchemas.GOLD_QUALITY_DROP),
                    topics,
                    spark.createDataFrame(comparisonByLanguage, TableSchemas.GOLD_COHORT_COMPARISON_BY_LANGUAGE),
                    spark.createDataFrame(dropByLanguage, TableSchemas.GOLD_QUALITY_DROP_BY_LANGUAGE),
                    date);
        } finally {
            weighted.unpersist();
        }
    }

    /** The frame with each row's propensity weights, persisted: the caller unpersists it. */
    private Dataset<Row> weigh(Dataset<Row> frame) {
        return new FitPropensity(settings).apply(frame, fittablePairs(frame)).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * Every estimate from weighted conversations: cells summed per bootstrap replicate, strata
     * fixed from the data as it is, every estimator run per replicate on the executors, the
     * replicates summarized into estimates with intervals. The overall rows and each language's
     * come from here, so a language is adjusted exactly as the whole is.
     */
    private Estimates estimate(Dataset<Row> weighted, QualityMetrics.Selection selection, LocalDate date) {
        List<QualityMetric> metrics = selection.present();
        List<CohortPair> fittable = fittablePairs(weighted);
        Map<CohortPair, FitPropensity.Overlap> overlaps = FitPropensity.overlaps(weighted, settings);
        Dataset<Row> cells = new ReplicateCellSums(metrics, settings.bootstrapReplicates(), settings.bootstrapSeed())
                .apply(weighted)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Cell> base = new ArrayList<>();
            cells.where(col(ReplicateCellSums.REPLICATE).equalTo(0))
                    .collectAsList()
                    .forEach(row -> base.add(Cell.fromRow(row, metrics)));
            base.sort(Cell.ORDER);
            StrataPlan plan = StrataPlan.build(base, metrics, settings);
            List<Row> replicateRows = cells.groupByKey(
                            (MapFunction<Row, Integer>) row -> row.getAs(ReplicateCellSums.REPLICATE), Encoders.INT())
                    .flatMapGroups(
                            new ReplicateEstimator(metrics, plan, java.util.Set.copyOf(fittable)),
                            Encoders.row(ReplicateEstimator.SCHEMA))
                    .collectAsList();
            Map<String, Contrast> contrasts =
                    Contrast.summarize(replicateRows, settings.bootstrapReplicates(), settings.confidenceLevel());
            return new Estimates(
                    new ComparisonRows(selection.sources(), contrasts, plan, overlaps, base, settings, date).rows(),
                    new QualityDropRows(selection.sources(), contrasts, plan, settings, date, null).rows());
        } finally {
            cells.unpersist();
        }
    }

    private void notStated(
            QualityMetrics.Selection selection, LocalDate date, LanguageCut.Size size, String reason, List<Row> into) {
        QualityDropRows.notStated(selection.sources(), settings, date, reason, size.botFirst(), size.human())
                .forEach(row -> into.add(leading(row, size.language(), false, size.conversations())));
    }

    /** The row with {@code values} in front: the by-language tables' leading columns. */
    private static Row leading(Row row, Object... values) {
        Object[] all = new Object[values.length + row.size()];
        System.arraycopy(values, 0, all, 0, values.length);
        for (int i = 0; i < row.size(); i++) {
            all[values.length + i] = row.get(i);
        }
        return RowFactory.create(all);
    }

    /** Pairs with at least two conversations on each side after the rollout: a propensity model needs both classes. */
    private static List<CohortPair> fittablePairs(Dataset<Row> frame) {
        List<Column> counts = new ArrayList<>();
        for (CohortPair pair : CohortPair.values()) {
            counts.add(count(when(FitPropensity.inPair(pair).and(FitPropensity.isTreated(pair)), lit(1))));
        }
        counts.add(count(when(
                FitPropensity.inPair(CohortPair.BOT_FIRST_VS_HUMAN)
                        .and(col(PrepareComparisonFrame.COHORT).equalTo(CohortPair.CONTROL)),
                lit(1))));
        Row row = frame.agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]))
                .first();
        long control = row.getLong(counts.size() - 1);
        List<CohortPair> fittable = new ArrayList<>();
        for (CohortPair pair : CohortPair.values()) {
            if (row.getLong(pair.ordinal()) >= 2 && control >= 2) {
                fittable.add(pair);
            }
        }
        return fittable;
    }
}
