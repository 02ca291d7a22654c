package org.csat.cohort;

import java.util.Arrays;

/**
 * The bootstrap replicates of one estimate, sorted: the one source of its percentile interval,
 * its p-value and its standard error, so that the interval and the p-value can never disagree.
 * The interval at level {@code 1 - a} is the type-7 quantiles (linear interpolation between order
 * statistics, as R and numpy default) at {@code a/2} and {@code 1 - a/2}; the p-value is the
 * smallest {@code a} at which that interval excludes zero, found by inverting the same quantile
 * function, so "p < 1 - level" holds exactly when the interval at that level excludes zero. It is
 * 0 when every replicate lies on one side of zero: then the data only say p is below about
 * 1/replicates ({@link #pValueFloor}).
 */
final class BootstrapDraws {
    private final double[] sorted;

    /** @param draws at least two replicate values, none NaN */
    BootstrapDraws(double[] draws) {
        if (draws.length < 2) {
            throw new IllegalArgumentException("a bootstrap interval needs at least 2 replicates, got " + draws.length);
        }
        this.sorted = draws.clone();
        Arrays.sort(sorted);
    }

    int size() {
        return sorted.length;
    }

    /** Percentile interval at {@code level}. */
    Intervals.Interval interval(double level) {
        return new Intervals.Interval(quantile((1 - level) / 2), quantile(1 - (1 - level) / 2));
    }

    /** Two-sided p-value of "the estimate is zero": the smallest 1 - level whose interval excludes zero. */
    double pValue() {
        return Math.min(1, 2 * Math.min(lastAtOrBelowZero(), 1 - firstAtOrAboveZero()));
    }

    /** The smallest p-value the replicates can resolve: a p-value of 0 means "below this". */
    double pValueFloor() {
        return 1.0 / sorted.length;
    }

    /** Standard deviation of the replicates (n - 1 denominator). */
    double standardError() {
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        double squares = Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (sorted.length - 1));
    }

    /** Linear interpolation between order statistics (type 7). */
    double quantile(double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /** sup { p : quantile(p) <= 0 }, 0 when every replicate is above zero. */
    private double lastAtOrBelowZero() {
        if (sorted[0] > 0) {
            return 0;
        }
        int j = sorted.length - 1;
        while (sorted[j] > 0) {
            j--;
        }
        if (j == sorted.length - 1) {
            return 1;
        }
        double position = j + (0 - sorted[j]) / (sorted[j + 1] - sorted[j]);
        return position / (sorted.length - 1);
    }

    /** inf { p : quantile(p) >= 0 }, 1 when every replicate is below zero. */
    private double firstAtOrAboveZero() {
        int last = sorted.length - 1;
        if (sorted[last] < 0) {
            return 1;
        }
        int i = 0;
        while (sorted[i] < 0) {
            i++;
        }
        if (i == 0) {
            return 0;
        }
        double position = i - 1 + (0 - sorted[i - 1]) / (sorted[i] - sorted[i - 1]);
        return position / last;
    }
}
