package org.csat.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.cohort.Intervals.Interval;
import org.junit.jupiter.api.Test;

/** The interval formulas against published values, the bootstrap quantile, and the metric registry. */
class IntervalsTest {
    @Test
    void normalDistribution() {
        assertEquals(1.959964, Intervals.z(0.95), 1e-5);
        assertEquals(2.575829, Intervals.z(0.99), 1e-5);
    }

    @Test
    void wilsonIntervalMatchesNewcombesTable() {
        // Newcombe (1998), Statistics in Medicine 17: 81/263 -> 0.2553 to 0.3662
        Interval ci = Intervals.wilson(81, 263, 0.95);
        assertEquals(0.2553, ci.low(), 1e-4);
        assertEquals(0.3662, ci.high(), 1e-4);
        Interval none = Intervals.wilson(0, 0, 0.95);
        assertTrue(Double.isNaN(none.low()));
    }

    @Test
    void newcombeHybridIntervalForADifferenceOfRates() {
        // Newcombe (1998b), example 56/70 vs 48/80: difference 0.2, method 10 gives 0.0524 to 0.3339
        Interval ci = Intervals.rateDifference(56, 70, 48, 80, 0.95);
        assertEquals(0.0524, ci.low(), 1e-4);
        assertEquals(0.3339, ci.high(), 1e-4);
        assertTrue(ci.excludesZero());
        assertFalse(Intervals.rateDifference(5, 10, 5, 10, 0.95).excludesZero());
    }

    @Test
    void registryReadsPresentColumnsAndSkipsAbsentOnes() {
        StructType silver = new StructType()
                .add("asked_for_human", DataTypes.BooleanType)
                .add("duration_s", DataTypes.DoubleType)
                .add("csat", DataTypes.IntegerType);
        QualityMetrics.Selection selection = QualityMetrics.select(silver);
        assertEquals(
                List.of("asked_for_human", "csat", "handle_time_s"),
                selection.present().stream().map(QualityMetric::name).toList());
        assertEquals("duration_s", selection.sources().get(QualityMetrics.ALL.get(7)));
        assertTrue(selection.absent().stream().anyMatch(m -> m.name().equals("resolved")));
        StructType withHandleTime = silver.add("handle_time_s", DataTypes.DoubleType);
        assertEquals(
                "handle_time_s", QualityMetrics.select(withHandleTime).sources().get(QualityMetrics.ALL.get(7)));
    }
}
