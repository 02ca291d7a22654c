package org.csat.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * One estimate with its bootstrap interval: the value on the data as it is (replicate 0),
 * the percentile interval of the replicates at {@code cohort.confidence_level}, their standard
 * deviation as the standard error, and a two-sided p-value from the normal approximation.
 * The interval is left empty when fewer than half the replicates give a value (a side that
 * empties out when resampled, as with few surveys).
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
            Arrays.sort(values);
            double estimate = row.getDouble(4);
            double low = Double.NaN;
            double high = Double.NaN;
            double se = Double.NaN;
            if (!Double.isNaN(estimate) && values.length >= replicates / 2.0 && values.length >= 2) {
                low = quantile(values, (1 - level) / 2);
                high = quantile(values, 1 - (1 - level) / 2);
                se = standardDeviation(values);
            }
            out.put(
                    key,
                    new Contrast(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            estimate,
                            low,
                            high,
                            se,
                            Intervals.twoSidedP(estimate, se),
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

    /** Linear interpolation between order statistics (type 7, as R and numpy default). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }
}
