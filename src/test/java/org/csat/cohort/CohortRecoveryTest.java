package org.csat.cohort;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.generate.Complexity;
import org.csat.generate.GenerateTranscripts;
import org.csat.generate.ResolutionModel;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of a planted effect. The generator routes easy topics to the bot far more often
 * than hard ones (shares 0.85 / 0.60 / 0.35 scaled to 67% overall) and lowers the resolution
 * probability of every bot-first chat by a penalty per complexity band. The estimand of the
 * fair contrast is the ATT: bot-first minus human-first resolution on the bot-first case mix
 * after the rollout, which here is the penalty averaged over the bands with the bot-first
 * conversations' band shares as weights. Routing never looks at mood, so within a topic the
 * two sides are exchangeable and the adjusted estimates must cover it, while the raw
 * difference must flatter the bot. With no penalty the adjusted interval must cover zero.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortRecoveryTest {
    private static final LocalDate START = LocalDate.parse("2024-02-01");
    private static final int ROLLOUT_DAY = 14;

    private SparkSession spark;
    private Map<String, Row> withPenalty;
    private Map<String, Row> withoutPenalty;
    private Row dropWithPenalty;
    private double plantedAtt;
    private Dataset<Row> truth;
    private CompareCohorts.Result penaltyResult;

    @BeforeAll
    void generateAndCompare(@TempDir Path temp) {
        spark = TestSpark.session();
        GenerateTranscripts penalised = generator(temp.resolve("penalty"), 7);
        ResolutionModel resolution = penalised.resolutionModel();
        penalised.execute();
        truth = GeneratedSilver.truth(spark, temp.resolve("penalty/truth.jsonl"))
                .cache();
        plantedAtt = plantedAtt(resolution);

        penaltyResult = compare(temp.resolve("penalty"));
        withPenalty = byKey(penaltyResult.comparison());
        dropWithPenalty = penaltyResult
                .qualityDrop()
                .where(col("metric").equalTo("resolved"))
                .first();

        generator(temp.resolve("none"), 7).botPenalty(0, 0, 0).execute();
        withoutPenalty = byKey(compare(temp.resolve("none")).comparison());
    }

    private static GenerateTranscripts generator(Path dir, long seed) {
        return new GenerateTranscripts()
                .outputDir(dir.resolve("transcripts"))
                .truthFile(dir.resolve("truth.jsonl"))
                .conversations(4000)
                .days(56)
                .startDate(START)
                .rolloutDay(ROLLOUT_DAY)
                .seed(seed);
    }

    private CompareCohorts.Result compare(Path dir) {
        Dataset<Row> silver = GeneratedSilver.build(spark, dir.resolve("transcripts"), dir.resolve("truth.jsonl"));
        return new CompareCohorts(spark, TestSpark.testConfig().comparison()).apply(silver);
    }

    /** The penalty of each band weighted by the band's share of bot-first conversations (all bot-first ones are after rollout). */
    private double plantedAtt(ResolutionModel resolution) {
        List<Row> bands =
                truth.where(col("bot_first")).groupBy("complexity").count().collectAsList();
        double total = 0;
        double weighted = 0;
        for (Row band : bands) {
            total += band.getLong(1);
            weighted += band.getLong(1) * resolution.botPenalty(Complexity.fromLabel(band.getString(0)));
        }
        return -weighted / total;
    }

    private static Map<String, Row> byKey(Dataset<Row> comparison) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : comparison.collectAsList()) {
            rows.put(row.<String>getAs("metric") + "/" + row.getAs("comparison") + "/" + row.getAs("method"), row);
        }
        return rows;
    }

    private static double value(Map<String, Row> rows, String method, String column) {
        return rows.get("resolved/bot_first_vs_human/" + method).<Double>getAs(column);
    }

    private static void assertCovers(double target, Map<String, Row> rows, String method) {
        double low = value(rows, method, "ci_low");
        double high = value(rows, method, "ci_high");
        assertTrue(
                low <= target && target <= high,
                method + " interval " + low + " .. " + high + " should cover " + target + " (estimate "
                        + value(rows, method, "estimate") + ")");
    }

    @Test
    void rolloutIsDetectedOnThePlannedDay() {
        assertEquals(START.plusDays(ROLLOUT_DAY), penaltyResult.rolloutDate());
    }

    @Test
    void adjustedIntervalsCoverThePlantedEffect() {
        assertTrue(plantedAtt < -0.04 && plantedAtt > -0.15, "planted ATT " + plantedAtt);
        assertCovers(plantedAtt, withPenalty, "stratified");
        assertCovers(plantedAtt, withPenalty, "ipw");
    }

    @Test
    void rawDifferenceFlattersTheBot() {
        double raw = value(withPenalty, "raw", "estimate");
        double adjusted = value(withPenalty, "stratified", "estimate");
        assertTrue(raw > adjusted + 0.02, "raw " + raw + " should look better for the bot than adjusted " + adjusted);
        assertTrue(raw > plantedAtt + 0.02, "raw " + raw + " vs planted " + plantedAtt);
    }

    @Test
    void withNoPlantedEffectTheAdjustedIntervalsCoverZero() {
        assertCovers(0.0, withoutPenalty, "stratified");
        assertCovers(0.0, withoutPenalty, "ipw");
        assertTrue(
                value(withoutPenalty, "raw", "estimate") > 0.02,
                "raw difference without a penalty should still favour the bot: "
                        + value(withoutPenalty, "raw", "estimate"));
    }

    @Test
    void qualityDropStatesASignificantResolutionDrop() {
        assertEquals("stratified", dropWithPenalty.getAs("method"));
        assertTrue(dropWithPenalty.<Boolean>getAs("significant"));
        assertTrue(dropWithPenalty.<Boolean>getAs("worse_for_customers"));
        double human = dropWithPenalty.getAs("human_baseline");
        double bot = dropWithPenalty.getAs("bot_first");
        assertEquals(bot - human, dropWithPenalty.<Double>getAs("adjusted_difference"), 1e-6);
        String verdict = dropWithPenalty.getAs("verdict");
        assertTrue(verdict.startsWith("bot-first: -") && verdict.endsWith("; worse"), verdict);
        String explanation = dropWithPenalty.getAs("explanation");
        assertTrue(explanation.contains("fewer") && explanation.contains("worse for customers"), explanation);
    }

    @Test
    void derivedBandsMostlyMatchThePlantedComplexity() {
        long agreeing = penaltyResult
                .topicQuality()
                .where(col("topic").notEqual("ALL").and(col("topic").notEqual("unknown")))
                .select("topic", "complexity_band")
                .distinct()
                .collectAsList()
                .stream()
                .filter(r ->
                        GenerateTranscripts.complexityOf(r.getString(0)).label().equals(r.getString(1)))
                .count();
        assertTrue(agreeing >= 10, agreeing + " of 12 topics in their planted band");
    }
}
