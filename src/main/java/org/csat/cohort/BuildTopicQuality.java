package org.csat.cohort;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.csat.cohort.Values.rounded;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.csat.cohort.Intervals.Interval;
import org.csat.config.ComparisonSettings;
import org.csat.tables.TableSchemas;

/**
 * Builds {@code gold_topic_quality}: after the rollout, per topic (and {@code ALL}) and cohort
 * ({@code bot_first}, {@code bot}, {@code bot_to_human}, {@code human}), each metric's mean
 * with its interval (Wilson for rates, normal for means) and its raw difference from
 * human-first conversations on the same topic (Newcombe for rates, Welch for means).
 * {@code worse_than_human} marks a significant gap in the customer's disfavour: on such
 * topics the bot should hand over early or not take the contact. It is judged only where both
 * sides have {@code cohort.topic_min_n} values (null below: a handful of chats cannot say), and
 * never for a bot-only rate, which has no human baseline. Within one topic the case mix is
 * already much alike, so the raw within-topic difference is the readable figure here.
 */
final class BuildTopicQuality {
    private static final List<String> COHORTS = List.of("bot_first", "bot", "bot_to_human", CohortPair.CONTROL);
    private static final String ALL = "ALL";

    private final SparkSession spark;
    private final List<QualityMetric> metrics;
    private final double level;
    private final int minN;
    private final LocalDate rollout;

    public BuildTopicQuality(
            SparkSession spark, List<QualityMetric> metrics, ComparisonSettings settings, LocalDate rollout) {
        this.spark = spark;
        this.metrics = List.copyOf(metrics);
        this.level = settings.confidenceLevel();
        this.minN = settings.topicMinN();
        this.rollout = rollout;
    }

    public Dataset<Row> apply(Dataset<Row> frame, Dataset<Row> bands) {
        StructType schema = TableSchemas.GOLD_TOPIC_QUALITY;
        if (rollout == null) {
            return spark.createDataFrame(List.of(), schema);
        }
        Column cohort = col(PrepareComparisonFrame.COHORT);
        Dataset<Row> labelled = frame.where(col(PrepareComparisonFrame.PERIOD).equalTo(PrepareComparisonFrame.AFTER))
                .withColumn("topic", explode(array(col(PrepareComparisonFrame.TOPIC), lit(ALL))))
                .withColumn(
                        "cohort_label",
                        explode(array(cohort, when(cohort.isin("bot", "bot_to_human"), lit("bot_first")))))
                .where(col("cohort_label").isin(COHORTS.toArray()));
        List<Column> aggs = new ArrayList<>();
        for (QualityMetric metric : metrics) {
            Column y = col(metric.name());
            aggs.add(count(y).as("n_" + metric.name()));
            aggs.add(sum(y).as("s_" + metric.name()));
            aggs.add(sum(y.multiply(y)).as("ss_" + metric.name()));
        }
        List<Row> sums = labelled.groupBy("topic", "cohort_label")
                .agg(count(lit(1)).as("rows"), aggs.toArray(new Column[0]))
                .collectAsList();
        Map<String, Map<String, Row>> byTopic = new TreeMap<>();
        sums.forEach(r ->
                byTopic.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r));
        Map<String, Row> bandOf = new TreeMap<>();
        bands.collectAsList().forEach(r -> bandOf.put(r.getString(0), r));

        List<Row> out = new ArrayList<>();
        List<String> topics = new ArrayList<>(byTopic.keySet());
        topics.remove(ALL);
        topics.add(0, ALL);
        for (String topic : topics) {
            Row band = bandOf.get(topic);
            String bandLabel = topic.equals(ALL) ? "all" : band == null ? "unknown" : band.getString(1);
            Double score = band == null || band.isNullAt(2) ? null : rounded(band.getDouble(2));
            Map<String, Row> cohorts = byTopic.get(topic);
            Double botShare = botFirstShare(cohorts);
            for (String label : COHORTS) {
                Row row = cohorts.get(label);
                if (row == null) {
                    continue;
                }
                for (QualityMetric metric : metrics) {
                    double[] side = sums(row, metric);
                    if (side[0] == 0) {
                        continue;
                    }
                    double[] human = cohorts.containsKey(CohortPair.CONTROL)
                            ? sums(cohorts.get(CohortPair.CONTROL), metric)
                            : new double[3];
                    out.add(row(topic, bandLabel, score, label, metric, side, human, botShare));
                }
            }
        }
        return spark.createDataFrame(out, schema);
    }

    private Row row(
            String topic,
            String band,
            Double score,
            String cohort,
            QualityMetric metric,
            double[] side,
            double[] human,
            Double botShare) {
        Interval ci = metric.isRate()
                ? Intervals.wilson(side[1], side[0], level)
                : Intervals.mean(side[1], side[2], side[0], level);
        boolean compared = !cohort.equals(CohortPair.CONTROL) && !metric.isBotOnly() && human[0] > 0;
        double difference = compared ? side[1] / side[0] - human[1] / human[0] : Double.NaN;
        Interval diffCi = !compared
                ? Interval.NONE
                : metric.isRate()
                        ? Intervals.rateDifference(side[1], side[0], human[1], human[0], level)
                        : Intervals.meanDifference(side[1], side[2], side[0], human[1], human[2], human[0], level);
        Boolean significant = compared ? diffCi.excludesZero() : null;
        Boolean worse = compared && side[0] >= minN && human[0] >= minN
                ? diffCi.excludesZero() && (metric.higherIsBetter() ? difference < 0 : difference > 0)
                : null;
        return RowFactory.create(
                topic,
                band,
                score,
                cohort,
                metric.name(),
                (long) side[0],
                rounded(side[1] / side[0]),
                rounded(ci.low()),
                rounded(ci.high()),
                (long) human[0],
                human[0] > 0 ? rounded(human[1] / human[0]) : null,
                rounded(difference),
                rounded(diffCi.low()),
                rounded(diffCi.high()),
                significant,
                worse,
                botShare,
                Date.valueOf(rollout));
    }

    private static Double botFirstShare(Map<String, Row> cohorts) {
        long bot = cohorts.containsKey("bot_first") ? cohorts.get("bot_first").getLong(2) : 0;
        long human = cohorts.containsKey(CohortPair.CONTROL)
                ? cohorts.get(CohortPair.CONTROL).getLong(2)
                : 0;
        return bot + human == 0 ? null : rounded((double) bot / (bot + human));
    }

    private static double[] sums(Row row, QualityMetric metric) {
        Object s = row.getAs("s_" + metric.name());
        Object ss = row.getAs("ss_" + metric.name());
        return new double[] {
            ((Number) row.getAs("n_" + metric.name())).doubleValue(),
            s == null ? 0 : ((Number) s).doubleValue(),
            ss == null ? 0 : ((Number) ss).doubleValue()
        };
    }
}
