package org.csat.cohort;

import java.util.Locale;

/**
 * How numbers leave the comparison: rounded to 9 decimals, so that re-running a night gives
 * byte-identical gold tables even though Spark may add partial sums in a different order,
 * and null instead of NaN so SQL sees a missing value.
 */
final class Values {
    private Values() {}

    static Double rounded(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 1e9) / 1e9;
    }

    static long count(double value) {
        return Math.round(value);
    }

    /** A rate as a percentage ("78.2%"), a mean with two decimals. */
    static String level(QualityMetric metric, double value) {
        return metric.isRate()
                ? String.format(Locale.ROOT, "%.1f%%", 100 * value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A difference's size without sign: percentage points for rates ("7.1 pts"), two decimals otherwise. */
    static String size(QualityMetric metric, double difference) {
        return metric.isRate()
                ? String.format(Locale.ROOT, "%.1f pts", 100 * Math.abs(difference))
                : String.format(Locale.ROOT, "%.2f", Math.abs(difference));
    }

    /** A signed value in the difference's unit ("-7.1" pts, "-0.33", "-179" when large). */
    static String signed(QualityMetric metric, double difference) {
        if (metric.isRate()) {
            return String.format(Locale.ROOT, "%+.1f", 100 * difference);
        }
        return String.format(Locale.ROOT, Math.abs(difference) >= 100 ? "%+.0f" : "%+.2f", difference);
    }
}
