package org.csat.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effect parameters are exposed as set, and the data carries the effect they plant. */
class PlantedEffectTest {

    @Test
    void botFirstChatsResolveLessByExactlyThePenaltyOfTheirBand(@TempDir Path dir) throws IOException {
        new GenerateTranscripts()
                .outputDir(dir.resolve("out"))
                .conversations(8000)
                .days(20)
                .rolloutDay(0)
                .botShareByComplexity(0.5, 0.5, 0.5)
                .botPenalty(0.0, 0.0, 0.20)
                .surveyRate(0)
                .truthFile(dir.resolve("truth.jsonl"))
                .execute();
        Map<Complexity, int[]> counts = new EnumMap<>(Complexity.class);
        for (JsonNode t : GeneratedFiles.readJsonLines(dir.resolve("truth.jsonl"))) {
            int[] c = counts.computeIfAbsent(
                    Complexity.fromLabel(t.get("complexity").asText()), band -> new int[4]);
            int arm = t.get("bot_first").asBoolean() ? 0 : 2;
            c[arm]++;
            c[arm + 1] += t.get("resolved").asBoolean() ? 1 : 0;
        }
        assertEquals(0.0, drop(counts.get(Complexity.LOW)), 0.04);
        assertEquals(0.0, drop(counts.get(Complexity.MEDIUM)), 0.05);
        assertEquals(0.20, drop(counts.get(Complexity.HIGH)), 0.06);
    }

    @Test
    void surveyRateZeroMeansNoScores(@TempDir Path dir) throws IOException {
        new GenerateTranscripts()
                .outputDir(dir)
                .conversations(300)
                .days(3)
                .surveyRate(0)
                .execute();
        assertTrue(GeneratedFiles.conversations(dir).stream().noneMatch(c -> c.has("csat")));
    }

    @Test
    void resolutionModelSubtractsThePenaltyFromTheHumanRate() {
        ResolutionModel model =
                new GenerateTranscripts().botPenalty(Complexity.HIGH, 0.20).resolutionModel();
        for (Mood mood : Mood.values()) {
            double human = model.humanResolveProbability(Complexity.HIGH, mood);
            assertEquals(human - 0.20, model.botFirstResolveProbability(Complexity.HIGH, mood), 1e-12);
            assertEquals(
                    model.humanResolveProbability(Complexity.LOW, mood) - 0.02,
                    model.botFirstResolveProbability(Complexity.LOW, mood),
                    1e-12);
        }
        assertEquals(0.20, model.botPenalty(Complexity.HIGH), 0.0);
        assertEquals(0.10, model.botPenalty(Complexity.MEDIUM), 0.0);
    }

    @Test
    void botSharesScaleTheProfileToTheTargetOrAreTakenAsGiven() {
        Map<Complexity, Double> scaled = new GenerateTranscripts().botShare(0.5).effectiveBotShares();
        assertTrue(scaled.get(Complexity.LOW) > scaled.get(Complexity.MEDIUM));
        assertTrue(scaled.get(Complexity.MEDIUM) > scaled.get(Complexity.HIGH));
        assertEquals(0.85 / 0.35, scaled.get(Complexity.LOW) / scaled.get(Complexity.HIGH), 1e-9);
        GenerateTranscripts generator = new GenerateTranscripts().botShare(0.5);
        assertEquals(0.5, BotRouting.overall(scaled, generator.resolutionModel()), 1e-6);

        Map<Complexity, Double> given =
                new GenerateTranscripts().botShareByComplexity(0.9, 0.4, 0.1).effectiveBotShares();
        assertEquals(Map.of(Complexity.LOW, 0.9, Complexity.MEDIUM, 0.4, Complexity.HIGH, 0.1), given);
        assertEquals(
                1.0,
                new GenerateTranscripts().botShare(1.0).effectiveBotShares().get(Complexity.HIGH),
                1e-9);
    }

    /** Human-first resolution rate minus bot-first resolution rate. */
    private static double drop(int[] c) {
        assertTrue(c[0] > 300 && c[2] > 300, "too few chats: " + c[0] + " / " + c[2]);
        return (double) c[3] / c[2] - (double) c[1] / c[0];
    }
}
