package org.csat.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.covar_pop;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * How well predictions agree with people: per {@code predictor} and {@code cohort}, the
 * number of rows {@code n}, the mean absolute error {@code mae} and Spearman's rank correlation
 * {@code spearman} between {@code prediction} and {@code label}. Spearman is Pearson's
 * correlation of the ranks, tied values sharing their average rank; null when either side is
 * constant (computed from population moments so that a constant group is not a division by
 * zero under ANSI SQL). Computed with window ranks inside each group, so nothing is collected.
 */
public final class RankAgreement {
    private RankAgreement() {}

    /** @param rows {@code predictor, cohort, prediction, label} (doubles for the last two; nulls dropped) */
    public static Dataset<Row> measure(Dataset<Row> rows) {
        Dataset<Row> valid =
                rows.where(col("prediction").isNotNull().and(col("label").isNotNull()));
        Dataset<Row> ranked = valid.withColumn("prediction_rank", averageRank("prediction"))
                .withColumn("label_rank", averageRank("label"));
        Dataset<Row> moments = ranked.groupBy("predictor", "cohort")
                .agg(
                        count(lit(1)).as("n"),
                        avg(abs(col("prediction").minus(col("label")))).as("mae"),
                        covar_pop(col("prediction_rank"), col("label_rank")).as("covariance"),
                        var_pop(col("prediction_rank")).as("prediction_variance"),
                        var_pop(col("label_rank")).as("label_variance"));
        Column spread =
                col("prediction_variance").gt(0).and(col("label_variance").gt(0));
        return moments.select(
                col("predictor"),
                col("cohort"),
                col("n"),
                col("mae"),
                when(
                                spread,
                                col("covariance")
                                        .divide(sqrt(col("prediction_variance").multiply(col("label_variance")))))
                        .as("spearman"));
    }

    /**
     * How well scores separate two classes: per {@code predictor} and {@code cohort}, the number
     * of rows {@code n}, of positives {@code positives}, and the area under the ROC curve
     * {@code auc} of {@code prediction} for {@code label} = 1 (Mann-Whitney: the chance that a
     * random positive scores above a random negative, ties counting half). A boolean prediction
     * (0/1) gets its balanced accuracy, the mean of its true positive and true negative rates.
     * Null when a class is missing.
     *
     * @param rows {@code predictor, cohort, prediction, label} (label 0 or 1; nulls dropped)
     */
    public static Dataset<Row> auc(Dataset<Row> rows) {
        Dataset<Row> valid =
                rows.where(col("prediction").isNotNull().and(col("label").isNotNull()));
        Dataset<Row> counts = valid.withColumn("prediction_rank", averageRank("prediction"))
                .groupBy("predictor", "cohort")
                .agg(
                        count(lit(1)).as("n"),
                        sum(when(col("label").equalTo(1), 1L).otherwise(0L)).as("positives"),
                        sum(when(col("label").equalTo(1), col("prediction_rank"))
                                        .otherwise(0.0))
                                .as("positive_rank_sum"));
        Column negatives = col("n").minus(col("positives"));
        Column u = col("positive_rank_sum")
                .minus(col("positives").multiply(col("positives").plus(1)).divide(2.0));
        return counts.select(
                col("predictor"),
                col("cohort"),
                col("n"),
                col("positives"),
                when(
                                col("positives").gt(0).and(negatives.gt(0)),
                                u.divide(col("positives").multiply(negatives)))
                        .as("auc"));
    }

    /** Positions rank .. rank + ties - 1 of a tie group average to rank + (ties - 1) / 2. */
    private static Column averageRank(String column) {
        WindowSpec ordered = Window.partitionBy("predictor", "cohort").orderBy(col(column));
        WindowSpec ties = Window.partitionBy(col("predictor"), col("cohort"), col(column));
        return rank().over(ordered).plus(count(lit(1)).over(ties).minus(1).divide(2.0));
    }
}
