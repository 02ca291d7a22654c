package org.csat.cohort;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The sums of one cell (period x cohort x topic x language x complexity band) in one bootstrap
 * replicate, as {@link ReplicateCellSums} writes them: per metric (index in the metric list)
 * the count of values, their sum and sum of squares, and per cohort pair (ordinal) the
 * IPW-weighted count and sum.
 */
record Cell(
        String period,
        String cohort,
        String topic,
        String language,
        String band,
        double rows,
        double[] n,
        double[] s,
        double[] ss,
        double[][] nw,
        double[][] sw)
        implements Serializable {

    static final Comparator<Cell> ORDER =
            Comparator.comparing(Cell::period).thenComparing(Cell::cohort).thenComparing(Cell::key);

    /** The finest stratum: topic, language and band. */
    String key() {
        return topic + "|" + language + "|" + band;
    }

    boolean after() {
        return PrepareComparisonFrame.AFTER.equals(period);
    }

    static Cell fromRow(Row row, List<QualityMetric> metrics) {
        int m = metrics.size();
        int pairs = CohortPair.values().length;
        double[] n = new double[m];
        double[] s = new double[m];
        double[] ss = new double[m];
        double[][] nw = new double[pairs][m];
        double[][] sw = new double[pairs][m];
        for (int i = 0; i < m; i++) {
            QualityMetric metric = metrics.get(i);
            n[i] = number(row, ReplicateCellSums.countColumn(metric));
            s[i] = number(row, ReplicateCellSums.sumColumn(metric));
            ss[i] = number(row, ReplicateCellSums.sumOfSquaresColumn(metric));
            for (CohortPair pair : CohortPair.values()) {
                nw[pair.ordinal()][i] = number(row, ReplicateCellSums.weightedCountColumn(pair, metric));
                sw[pair.ordinal()][i] = number(row, ReplicateCellSums.weightedSumColumn(pair, metric));
            }
        }
        return new Cell(
                row.getAs(PrepareComparisonFrame.PERIOD),
                row.getAs(PrepareComparisonFrame.COHORT),
                row.getAs(PrepareComparisonFrame.TOPIC),
                row.getAs(PrepareComparisonFrame.LANGUAGE),
                row.getAs(PrepareComparisonFrame.BAND),
                number(row, ReplicateCellSums.ROWS),
                n,
                s,
                ss,
                nw,
                sw);
    }

    private static double number(Row row, String column) {
        Object value = row.getAs(column);
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }
}
