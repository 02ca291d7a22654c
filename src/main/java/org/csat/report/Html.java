package org.csat.report;

import java.util.Locale;
import org.apache.spark.sql.Row;
import org.csat.cohort.QualityMetric;

/**
 * How the report writes text and numbers: HTML escaping, rates as percentages and their gaps
 * as percentage points, means with the precision their scale needs, counts with thousands
 * separators, and nullable cells read by column name. Numbers are formatted in Java so the
 * tables and the sentences say the same thing; the charts get the raw values.
 */
final class Html {
    /** Shown for a missing value. */
    static final String NONE = "–";

    private Html() {}

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        return value.toString()
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** A metric's level: "78.2%" for a rate, "0.12" or "3.41" for a mean, "612" when large. */
    static String level(QualityMetric metric, Double value) {
        if (value == null) {
            return NONE;
        }
        if (metric.isRate()) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
    }

    /** A signed difference: "−7.1 pts" for a rate, "−0.08" or "+35 s" for a mean. */
    static String gap(QualityMetric metric, Double value) {
        if (value == null) {
            return NONE;
        }
        return signed(metric, value) + (metric.isRate() ? " pts" : "");
    }

    /** An interval of differences: "−10.7 to −3.6". */
    static String gapInterval(QualityMetric metric, Double low, Double high) {
        if (low == null || high == null) {
            return "no interval";
        }
        return signed(metric, low) + " to " + signed(metric, high);
    }

    private static String signed(QualityMetric metric, double value) {
        String text;
        if (metric.isRate()) {
            text = String.format(Locale.ROOT, "%+.1f", 100 * value);
        } else {
            double size = Math.abs(value);
            text = String.format(Locale.ROOT, size >= 100 ? "%+.0f" : size >= 10 ? "%+.1f" : "%+.2f", value);
        }
        // a true minus sign: a hyphen reads as a dash next to "to"
        return text.replace('-', '\u2212');
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static Double doubleOrNull(Row row, String column) {
        Object value = row.getAs(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    static long longOrZero(Row row, String column) {
        Object value = row.getAs(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Boolean booleanOrNull(Row row, String column) {
        return row.getAs(column);
    }
}
