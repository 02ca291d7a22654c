package org.csat.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csat.cohort.CellEstimates.Estimate;
import org.csat.config.ComparisonSettings;
import org.junit.jupiter.api.Test;

/**
 * The estimators and the strata design on hand-built cells whose answers can be worked out
 * on paper. One metric, a rate (sums are counts of successes).
 */
class CellEstimatesTest {
    private static final List<QualityMetric> RESOLVED = List.of(QualityMetrics.ALL.get(0));

    static Cell cell(String period, String cohort, String topic, String band, double n, double successes) {
        double[][] weighted = new double[CohortPair.values().length][1];
        double[][] weightedSums = new double[CohortPair.values().length][1];
        return new Cell(
                period,
                cohort,
                topic,
                "en",
                band,
                n,
                new double[] {n},
                new double[] {successes},
                new double[] {successes},
                weighted,
                weightedSums);
    }

    static ComparisonSettings settings(int minStratumSize) {
        return new ComparisonSettings(
                null,
                0.2,
                minStratumSize,
                20,
                0.02,
                0.98,
                0.001,
                200,
                1L,
                0.95,
                0.05,
                "stratified",
                30,
                java.util.Set.of(),
                30);
    }

    /** Simpson's paradox: the bot is worse on both topics yet looks better overall, because it takes the easy one. */
    private static List<Cell> simpson() {
        return List.of(
                cell("after", "bot", "easy", "low", 80, 72),
                cell("after", "human", "easy", "low", 20, 19),
                cell("after", "bot", "hard", "high", 20, 12),
                cell("after", "human", "hard", "high", 80, 56));
    }

    @Test
    void rawDifferenceIsFlatteredByTheCaseMix() {
        Estimate raw = CellEstimates.raw(simpson(), CohortPair.BOT_FIRST_VS_HUMAN, 0);
        assertEquals(0.84, raw.treatedMean(), 1e-12);
        assertEquals(0.75, raw.controlMean(), 1e-12);
        assertEquals(0.09, raw.estimate(), 1e-12);
    }

    @Test
    void stratifiedDifferenceIsTakenOnTheBotCaseMix() {
        StrataPlan plan = StrataPlan.build(simpson(), RESOLVED, settings(10));
        Estimate att = CellEstimates.stratified(
                simpson(),
                CohortPair.BOT_FIRST_VS_HUMAN,
                0,
                plan.strata(CohortPair.BOT_FIRST_VS_HUMAN, RESOLVED.get(0)));
        // (80 x (0.90 - 0.95) + 20 x (0.60 - 0.70)) / 100
        assertEquals(-0.06, att.estimate(), 1e-12);
        assertEquals(0.84, att.treatedMean(), 1e-12);
        assertEquals(0.90, att.controlMean(), 1e-12);
        assertEquals(2, plan.strataUsed(CohortPair.BOT_FIRST_VS_HUMAN, RESOLVED.get(0)));
    }

    @Test
    void ipwUsesTheWeightedSums() {
        List<Cell> cells = new ArrayList<>();
        Cell bot = cell("after", "bot", "easy", "low", 10, 5);
        bot.nw()[0][0] = 10;
        bot.sw()[0][0] = 5;
        Cell human = cell("after", "human", "easy", "low", 10, 8);
        human.nw()[0][0] = 4;
        human.sw()[0][0] = 3;
        cells.add(bot);
        cells.add(human);
        Estimate ipw = CellEstimates.ipw(cells, CohortPair.BOT_FIRST_VS_HUMAN, 0);
        assertEquals(0.5 - 0.75, ipw.estimate(), 1e-12);
        assertEquals(10, ipw.nControl(), 1e-12);
    }

    @Test
    void smallCellsArePooledByTopicThenBandAndUnmatchedBotRowsAreReported() {
        List<Cell> cells = List.of(
                cell("after", "bot", "a", "low", 6, 5),
                cell("after", "human", "a", "low", 3, 3),
                cell("after", "bot", "b", "low", 6, 3),
                cell("after", "human", "b", "low", 3, 2),
                cell("after", "bot", "c", "high", 8, 4));
        StrataPlan plan = StrataPlan.build(cells, RESOLVED, settings(5));
        Map<String, String> strata = plan.strata(CohortPair.BOT_FIRST_VS_HUMAN, RESOLVED.get(0));
        assertEquals("band:low", strata.get("a|en|low"));
        assertEquals("band:low", strata.get("b|en|low"));
        assertNull(strata.get("c|en|high"));
        assertEquals(8.0 / 20, plan.treatedShareDropped(CohortPair.BOT_FIRST_VS_HUMAN, RESOLVED.get(0)), 1e-12);
        Estimate att = CellEstimates.stratified(cells, CohortPair.BOT_FIRST_VS_HUMAN, 0, strata);
        assertEquals(8.0 / 12 - 5.0 / 6, att.estimate(), 1e-12);
    }

    @Test
    void differenceInDifferencesRemovesTheCommonTrend() {
        List<Cell> cells = List.of(
                cell("before", "human", "taken", "low", 100, 80),
                cell("after", "bot", "taken", "low", 60, 40),
                cell("after", "human", "taken", "low", 40, 30),
                cell("before", "human", "left", "high", 50, 40),
                cell("after", "human", "left", "high", 50, 39));
        StrataPlan plan = StrataPlan.build(cells, RESOLVED, settings(10));
        assertEquals(Set.of("left"), plan.untouchedTopics());
        assertTrue(plan.didFeasible(RESOLVED.get(0)));
        Estimate change = CellEstimates.beforeAfter(cells, 0, topic -> true);
        // after-period weights 100 and 50: (100 x (0.70 - 0.80) + 50 x (0.78 - 0.80)) / 150
        assertEquals((100 * -0.10 + 50 * -0.02) / 150, change.estimate(), 1e-12);
        Estimate did = CellEstimates.differenceInDifferences(cells, 0, plan.untouchedTopics());
        assertEquals(-0.10 - -0.02, did.estimate(), 1e-12);
    }

    @Test
    void aSideWithoutValuesGivesNoEstimate() {
        List<Cell> cells = List.of(cell("after", "bot", "a", "low", 5, 4));
        assertTrue(Double.isNaN(
                CellEstimates.raw(cells, CohortPair.BOT_FIRST_VS_HUMAN, 0).estimate()));
        assertTrue(Double.isNaN(CellEstimates.stratified(cells, CohortPair.BOT_FIRST_VS_HUMAN, 0, Map.of())
                .estimate()));
    }
}
