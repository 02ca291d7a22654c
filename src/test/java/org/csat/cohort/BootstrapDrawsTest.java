package org.csat.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bootstrap's quantile, and its p-value agreeing with its interval at every level. */
class BootstrapDrawsTest {
    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        BootstrapDraws draws = new BootstrapDraws(new double[] {5, 1, 4, 2, 3});
        assertEquals(1.0, draws.quantile(0), 1e-12);
        assertEquals(3.0, draws.quantile(0.5), 1e-12);
        assertEquals(4.6, draws.quantile(0.9), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new BootstrapDraws(new double[] {1}));
    }

    @Test
    void pValueInvertsThePercentileInterval() {
        // 1..9 shifted: quantile(p) = -2 + 8p crosses zero at p = 0.25, so p-value = 2 * 0.25
        BootstrapDraws draws = new BootstrapDraws(new double[] {-2, -1, 0, 1, 2, 3, 4, 5, 6});
        assertEquals(0.5, draws.pValue(), 1e-12);
        assertEquals(0.0, new BootstrapDraws(new double[] {0.1, 0.2, 0.3}).pValue(), 1e-12);
        assertEquals(0.0, new BootstrapDraws(new double[] {-0.3, -0.2}).pValue(), 1e-12);
        assertEquals(1.0, new BootstrapDraws(new double[] {0, 0, 0}).pValue(), 1e-12);
        assertEquals(1.0, new BootstrapDraws(new double[] {-1, 0, 1}).pValue(), 1e-12);
    }

    /**
     * The property the tables promise: "significant" (the interval excludes zero) and
     * "p < 1 - level" never disagree, for skewed, discrete and tied replicates alike.
     */
    @Test
    void intervalExcludesZeroExactlyWhenPIsBelowOneMinusTheLevel() {
        Random random = new Random(17);
        int checked = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + random.nextInt(300);
            double shift = random.nextGaussian() * 2;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                double v = random.nextGaussian() + shift;
                values[i] = trial % 3 == 0 ? Math.round(v * 2) / 2.0 : trial % 3 == 1 ? Math.exp(v) - 1.5 : v;
            }
            BootstrapDraws draws = new BootstrapDraws(values);
            double p = draws.pValue();
            for (double level = 0.5; level < 0.9999; level += 0.0137) {
                if (Math.abs(p - (1 - level)) < 1e-9) {
                    continue; // exactly on the boundary: either reading is right
                }
                Intervals.Interval interval = draws.interval(level);
                boolean excludesZero = interval.low() > 0 || interval.high() < 0;
                assertEquals(
                        p < 1 - level,
                        excludesZero,
                        "n=" + n + " level=" + level + " p=" + p + " interval=" + interval);
                checked++;
            }
        }
        assertTrue(checked > 14_000, "levels checked: " + checked);
    }
}
