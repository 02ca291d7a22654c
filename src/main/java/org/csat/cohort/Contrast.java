package org.csat.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * One estimate with its bootstrap interval: the value on the data as it is (replicate 0), and
 * from the replicates ({@link BootstrapDraws}) the percentile interval at
 * {@code cohort.confidence_level}, the p-value that inverts that same interval (so
 * {@link #significant} and {@code p < 1 - level} always agree) and their standard deviation as
 * the standard error. The interval is left empty when fewer than half the replicates give a
 * value (a side that empties out when resampled, as with few surveys).
 */
record Contrast(
        String metric,
        String comparison,
        String method,
        double estimate,
        double ciLow,
        double ciHigh,
        double standardError,
        double pValue,
        double treatedMean,
        double controlMean,
        double nTreated,
        double nControl,
        int replicatesUsed) {

    boolean significant() {
        return !Double.isNaN(ciLow) && (ciLow > 0 || ciHigh < 0);
    }

    /** Groups replicate rows (schema of {@link ReplicateEstimator#SCHEMA}) into contrasts keyed metric/comparison/method. */
    static Map<String, Contrast> summarize(List<Row> replicateRows, int replicates, double level) {
        Map<String, Row> base = new TreeMap<>();
        Map<String, List<Double>> draws = new TreeMap<>();
        for (Row row : replicateRows) {
            String key = key(row.getString(1), row.getString(2), row.getString(3));
            if (row.getInt(0) == 0) {
                base.put(key, row);
            } else if (!Double.isNaN(row.getDouble(4))) {
                draws.computeIfAbsent(key, k -> new ArrayList<>()).add(row.getDouble(4));
            }
        }
        Map<String, Contrast> out = new TreeMap<>();
        base.forEach((key, row) -> {
            double[] values = draws.getOrDefault(key, List.of()).stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            double estimate = row.getDouble(4);
            Intervals.Interval interval = Intervals.Interval.NONE;
            double se = Double.NaN;
            double p = Double.NaN;
            if (!Double.isNaN(estimate) && values.length >= replicates / 2.0 && values.length >= 2) {
                BootstrapDraws bootstrap = new BootstrapDraws(values);
                interval = bootstrap.interval(level);
                se = bootstrap.standardError();
                p = bootstrap.pValue();
            }
            out.put(
                    key,
                    new Contrast(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            estimate,
                            interval.low(),
                            interval.high(),
                            se,
                            p,
                            row.getDouble(5),
                            row.getDouble(6),
                            row.getDouble(7),
                            row.getDouble(8),
                            values.length));
        });
        return out;
    }

    static String key(String metric, String comparison, String method) {
        return metric + "/" + comparison + "/" + method;
    }
}
