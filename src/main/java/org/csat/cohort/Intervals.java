package org.csat.cohort;

/**
 * Closed-form confidence intervals used by the comparison: the Wilson score interval for a
 * rate, the normal interval for a mean, Newcombe's hybrid score interval for a difference of
 * two rates, Welch's for a difference of means, and the standard normal quantile (Acklam's
 * approximation, accurate to about 1e-9, enough for reporting). Bootstrap intervals and their
 * p-values come from {@link BootstrapDraws}.
 */
final class Intervals {
    private Intervals() {}

    /** A two-sided interval; both ends are NaN when it cannot be computed. */
    public record Interval(double low, double high) {
        static final Interval NONE = new Interval(Double.NaN, Double.NaN);

        boolean excludesZero() {
            return !Double.isNaN(low) && (low > 0 || high < 0);
        }
    }

    /** The z value of a two-sided interval at {@code level} (1.96 for 0.95). */
    public static double z(double level) {
        return normalQuantile(1 - (1 - level) / 2);
    }

    /** Wilson score interval of {@code successes / n}; NONE for n = 0. */
    public static Interval wilson(double successes, double n, double level) {
        if (n <= 0) {
            return Interval.NONE;
        }
        double z = z(level);
        double p = successes / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Normal interval of a mean from its sum and sum of squares; NONE for fewer than 2 values. */
    public static Interval mean(double sum, double sumOfSquares, double n, double level) {
        if (n < 2) {
            return Interval.NONE;
        }
        double mean = sum / n;
        double half = z(level) * Math.sqrt(variance(sum, sumOfSquares, n) / n);
        return new Interval(mean - half, mean + half);
    }

    /** Sample variance (n - 1 denominator) from sums, never negative. */
    public static double variance(double sum, double sumOfSquares, double n) {
        return Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1));
    }

    /** Newcombe's hybrid score interval for p1 - p2 (method 10 of Newcombe 1998). */
    public static Interval rateDifference(double s1, double n1, double s2, double n2, double level) {
        if (n1 <= 0 || n2 <= 0) {
            return Interval.NONE;
        }
        double p1 = s1 / n1;
        double p2 = s2 / n2;
        Interval w1 = wilson(s1, n1, level);
        Interval w2 = wilson(s2, n2, level);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
        double high = d + Math.sqrt(square(w1.high() - p1) + square(p2 - w2.low()));
        return new Interval(low, high);
    }

    /** Welch-style normal interval for mean1 - mean2 from sums; NONE when a side has fewer than 2 values. */
    public static Interval meanDifference(
            double s1, double ss1, double n1, double s2, double ss2, double n2, double level) {
        if (n1 < 2 || n2 < 2) {
            return Interval.NONE;
        }
        double d = s1 / n1 - s2 / n2;
        double half = z(level) * Math.sqrt(variance(s1, ss1, n1) / n1 + variance(s2, ss2, n2) / n2);
        return new Interval(d - half, d + half);
    }

    /** Inverse of the standard normal CDF (Acklam's rational approximation). */
    public static double normalQuantile(double p) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        double[] a = {
            -39.69683028665376,
            220.9460984245205,
            -275.9285104469687,
            138.3577518672690,
            -30.66479806614716,
            2.506628277459239
        };
        double[] b = {-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572};
        double[] c = {
            -0.007784894002430293,
            -0.3223964580411365,
            -2.400758277161838,
            -2.549732539343734,
            4.374664141464968,
            2.938163982698783
        };
        double[] d = {0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416};
        double low = 0.02425;
        if (p < low || p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    private static double square(double x) {
        return x * x;
    }
}
