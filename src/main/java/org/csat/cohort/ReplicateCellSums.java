package org.csat.cohort;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The comparison frame -> sums per bootstrap replicate and cell (period x cohort x topic x
 * language x complexity band), from which every estimator is computed. Replicate 0 is the
 * data as it is; replicates 1..B ({@code cohort.bootstrap_replicates}) are a Poisson(1)
 * bootstrap clustered by customer: each customer gets a weight drawn from Poisson(1) by
 * hashing (customer, replicate, {@code cohort.bootstrap_seed}), so all conversations of a
 * customer move together (repeat contacts are not independent) and a re-run draws the same
 * weights. Per metric the sums are: count of values, sum, sum of squares, and per cohort pair
 * the IPW-weighted count and sum. Built-in functions only; the output has
 * (B + 1) x cells rows whatever the number of conversations.
 */
final class ReplicateCellSums {
    public static final String REPLICATE = "replicate";
    public static final String ROWS = "rows";
    public static final String[] KEYS = {
        REPLICATE,
        PrepareComparisonFrame.PERIOD,
        PrepareComparisonFrame.COHORT,
        PrepareComparisonFrame.TOPIC,
        PrepareComparisonFrame.LANGUAGE,
        PrepareComparisonFrame.BAND
    };

    /** Poisson(1) cumulative probabilities P(X <= k), k = 0..7. */
    private static final double[] POISSON_CDF = {
        0.36787944117144233,
        0.7357588823428847,
        0.9196986029286058,
        0.9810118431238462,
        0.9963401531726563,
        0.9994058151824183,
        0.9999167588507119,
        0.9999897508033253
    };

    private final List<QualityMetric> metrics;
    private final int replicates;
    private final long seed;

    public ReplicateCellSums(List<QualityMetric> metrics, int replicates, long seed) {
        this.metrics = List.copyOf(metrics);
        this.replicates = replicates;
        this.seed = seed;
    }

    public static String countColumn(QualityMetric metric) {
        return "n__" + metric.name();
    }

    public static String sumColumn(QualityMetric metric) {
        return "s__" + metric.name();
    }

    public static String sumOfSquaresColumn(QualityMetric metric) {
        return "ss__" + metric.name();
    }

    public static String weightedCountColumn(CohortPair pair, QualityMetric metric) {
        return "nw__" + pair.label() + "__" + metric.name();
    }

    public static String weightedSumColumn(CohortPair pair, QualityMetric metric) {
        return "sw__" + pair.label() + "__" + metric.name();
    }

    public Dataset<Row> apply(Dataset<Row> weightedFrame) {
        List<Column> perRow = new ArrayList<>();
        for (String key : KEYS) {
            if (!key.equals(REPLICATE)) {
                perRow.add(col(key));
            }
        }
        perRow.add(col(PrepareComparisonFrame.CLUSTER));
        perRow.add(lit(1.0).as(ROWS));
        List<String> summed = new ArrayList<>(List.of(ROWS));
        for (QualityMetric metric : metrics) {
            Column y = col(metric.name());
            perRow.add(when(y.isNotNull(), lit(1.0)).otherwise(lit(0.0)).as(countColumn(metric)));
            perRow.add(coalesce(y, lit(0.0)).as(sumColumn(metric)));
            perRow.add(coalesce(y.multiply(y), lit(0.0)).as(sumOfSquaresColumn(metric)));
            summed.addAll(List.of(countColumn(metric), sumColumn(metric), sumOfSquaresColumn(metric)));
            for (CohortPair pair : CohortPair.values()) {
                Column w = col(FitPropensity.weightColumn(pair));
                perRow.add(when(y.isNotNull(), w).otherwise(lit(0.0)).as(weightedCountColumn(pair, metric)));
                perRow.add(coalesce(y.multiply(w), lit(0.0)).as(weightedSumColumn(pair, metric)));
                summed.addAll(List.of(weightedCountColumn(pair, metric), weightedSumColumn(pair, metric)));
            }
        }
        Dataset<Row> replicated = weightedFrame
                .select(perRow.toArray(new Column[0]))
                .withColumn(REPLICATE, explode(sequence(lit(0), lit(replicates))))
                .withColumn("bootstrap_weight", poissonWeight())
                .where(col("bootstrap_weight").gt(0));
        Column p = col("bootstrap_weight");
        List<Column> sums = new ArrayList<>();
        for (String column : summed) {
            sums.add(sum(p.multiply(col(column))).as(column));
        }
        Column[] keys = new Column[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            keys[i] = col(KEYS[i]);
        }
        return replicated
                .groupBy(keys)
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    }

    /** 1 for replicate 0; otherwise Poisson(1) by inverse CDF of a uniform hashed from (customer, replicate, seed). */
    private Column poissonWeight() {
        Column uniform = shiftrightunsigned(
                        xxhash64(col(PrepareComparisonFrame.CLUSTER), col(REPLICATE), lit(seed)), 11)
                .cast("double")
                .divide(lit(9007199254740992.0));
        Column draw = lit(POISSON_CDF.length);
        for (int k = POISSON_CDF.length - 1; k >= 0; k--) {
            draw = when(uniform.lt(POISSON_CDF[k]), lit(k)).otherwise(draw);
        }
        return when(col(REPLICATE).equalTo(0), lit(1.0)).otherwise(draw.cast("double"));
    }
}
