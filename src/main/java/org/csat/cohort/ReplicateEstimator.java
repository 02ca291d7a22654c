package org.csat.cohort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.cohort.CellEstimates.Estimate;

/**
 * Runs every estimator of {@link CellEstimates} on the cells of one bootstrap replicate (one
 * Spark group), so the work stays on the executors and only a few numbers per replicate,
 * metric and method come back: the output has (B + 1) x metrics x methods rows.
 */
final class ReplicateEstimator implements FlatMapGroupsFunction<Integer, Row, Row> {
    static final String AFTER_VS_BEFORE = "after_vs_before";
    static final StructType SCHEMA = new StructType()
            .add("replicate", DataTypes.IntegerType, false)
            .add("metric", DataTypes.StringType, false)
            .add("comparison", DataTypes.StringType, false)
            .add("method", DataTypes.StringType, false)
            .add("estimate", DataTypes.DoubleType, false)
            .add("treated_mean", DataTypes.DoubleType, false)
            .add("control_mean", DataTypes.DoubleType, false)
            .add("n_treated", DataTypes.DoubleType, false)
            .add("n_control", DataTypes.DoubleType, false);

    private final List<QualityMetric> metrics;
    private final StrataPlan plan;
    private final Set<CohortPair> weighted;

    ReplicateEstimator(List<QualityMetric> metrics, StrataPlan plan, Set<CohortPair> weighted) {
        this.metrics = List.copyOf(metrics);
        this.plan = plan;
        this.weighted = Set.copyOf(weighted);
    }

    @Override
    public Iterator<Row> call(Integer replicate, Iterator<Row> rows) {
        List<Cell> cells = new ArrayList<>();
        rows.forEachRemaining(row -> cells.add(Cell.fromRow(row, metrics)));
        cells.sort(Cell.ORDER);
        List<Row> out = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            QualityMetric metric = metrics.get(m);
            for (CohortPair pair : CohortPair.values()) {
                add(out, replicate, metric, pair.label(), Method.RAW, CellEstimates.raw(cells, pair, m));
                add(
                        out,
                        replicate,
                        metric,
                        pair.label(),
                        Method.STRATIFIED,
                        CellEstimates.stratified(cells, pair, m, plan.strata(pair, metric)));
                if (weighted.contains(pair)) {
                    add(out, replicate, metric, pair.label(), Method.IPW, CellEstimates.ipw(cells, pair, m));
                }
            }
            if (plan.hasBefore()) {
                add(
                        out,
                        replicate,
                        metric,
                        AFTER_VS_BEFORE,
                        Method.BEFORE_AFTER,
                        CellEstimates.beforeAfter(cells, m, t -> true));
            }
            if (plan.didFeasible(metric)) {
                add(
                        out,
                        replicate,
                        metric,
                        AFTER_VS_BEFORE,
                        Method.DID,
                        CellEstimates.differenceInDifferences(cells, m, plan.untouchedTopics()));
            }
        }
        return out.iterator();
    }

    private static void add(
            List<Row> out, int replicate, QualityMetric metric, String comparison, String method, Estimate e) {
        out.add(RowFactory.create(
                replicate,
                metric.name(),
                comparison,
                method,
                e.estimate(),
                e.treatedMean(),
                e.controlMean(),
                e.nTreated(),
                e.nControl()));
    }
}
