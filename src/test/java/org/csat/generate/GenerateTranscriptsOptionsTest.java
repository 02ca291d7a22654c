package org.csat.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output formats, file layout, the rollout switches and the setters' input checks. */
class GenerateTranscriptsOptionsTest {

    @Test
    void csvHasTheContractHeaderAndParsesAsRfc4180(@TempDir Path dir) throws IOException {
        GenerateResult result = new GenerateTranscripts()
                .outputDir(dir)
                .conversations(400)
                .days(4)
                .format(OutputFormat.CSV)
                .execute();
        String[] header = {
            "conversation_id",
            "customer_id",
            "channel",
            "language",
            "started_at",
            "ts",
            "role",
            "agent_id",
            "event",
            "text",
            "topic",
            "csat"
        };
        Set<String> ids = new HashSet<>();
        long rows = 0;
        boolean multiline = false;
        boolean quoted = false;
        boolean comma = false;
        for (Path file : GeneratedFiles.files(dir)) {
            assertEquals("messages-000.csv", file.getFileName().toString());
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<CSVRecord> records = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .build()
                        .parse(in)
                        .getRecords();
                for (CSVRecord record : records) {
                    assertEquals(12, record.size());
                    ids.add(record.get("conversation_id"));
                    String text = record.get("text");
                    multiline |= text.contains("\n");
                    quoted |= text.contains("\"");
                    comma |= text.contains(",");
                    assertTrue(Set.of("customer", "bot", "agent", "system").contains(record.get("role")));
                    rows++;
                }
            }
            String firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
            assertArrayEquals(header, firstLine.split(","));
        }
        assertEquals(result.messages(), rows);
        assertEquals(400, ids.size());
        assertTrue(multiline && quoted && comma, "texts should exercise CSV quoting");
    }

    @Test
    void gzipOutputDecompressesToTheSameConversationsAsPlainJsonLines(@TempDir Path dir) throws IOException {
        new GenerateTranscripts()
                .outputDir(dir.resolve("gz"))
                .conversations(200)
                .days(3)
                .format(OutputFormat.JSONL_GZ)
                .execute();
        new GenerateTranscripts()
                .outputDir(dir.resolve("plain"))
                .conversations(200)
                .days(3)
                .execute();
        List<JsonNode> fromGzip = GeneratedFiles.conversations(dir.resolve("gz"));
        assertEquals(200, fromGzip.size());
        assertEquals(GeneratedFiles.conversations(dir.resolve("plain")), fromGzip);
        assertTrue(GeneratedFiles.files(dir.resolve("gz")).get(0).toString().endsWith("conversations-000.jsonl.gz"));
    }

    @Test
    void filesPerDaySplitsEachDayIntoSortedRuns(@TempDir Path dir) throws IOException {
        GenerateResult result = new GenerateTranscripts()
                .outputDir(dir)
                .conversations(300)
                .days(2)
                .filesPerDay(3)
                .execute();
        assertEquals(6, result.files());
        List<Path> files = GeneratedFiles.files(dir);
        assertEquals(
                List.of("conversations-000.jsonl", "conversations-001.jsonl", "conversations-002.jsonl"),
                files.subList(0, 3).stream()
                        .map(file -> file.getFileName().toString())
                        .toList());
        String previous = "";
        for (Path file : files.subList(0, 3)) {
            List<JsonNode> lines = GeneratedFiles.readJsonLines(file);
            assertTrue(lines.size() >= 45, file + " has " + lines.size());
            for (JsonNode line : lines) {
                String started = line.get("started_at").asText();
                assertTrue(started.compareTo(previous) >= 0, "day not in start order across files");
                previous = started;
            }
        }
    }

    @Test
    void noRolloutSendsEveryChatToAHuman(@TempDir Path dir) throws IOException {
        new GenerateTranscripts()
                .outputDir(dir)
                .conversations(300)
                .days(6)
                .noRollout()
                .execute();
        for (JsonNode conversation : GeneratedFiles.conversations(dir)) {
            for (JsonNode message : conversation.get("messages")) {
                assertTrue(
                        !message.get("role").asText().equals("bot"),
                        conversation.get("conversation_id").asText());
            }
        }
    }

    @Test
    void existingOutputIsRefusedUnlessOverwriteIsOn(@TempDir Path dir) throws IOException {
        new GenerateTranscripts().outputDir(dir).conversations(50).days(2).execute();
        Files.writeString(dir.resolve("README.md"), "kept");
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new GenerateTranscripts()
                        .outputDir(dir)
                        .conversations(50)
                        .days(2)
                        .execute());
        assertTrue(refused.getMessage().contains("already holds generated files"), refused.getMessage());

        new GenerateTranscripts()
                .outputDir(dir)
                .conversations(50)
                .days(1)
                .format(OutputFormat.CSV)
                .overwrite(true)
                .execute();
        List<String> left = GeneratedFiles.files(dir).stream()
                .map(file -> dir.relativize(file).toString())
                .toList();
        assertEquals(List.of("2024-01-01/messages-000.csv", "README.md"), left);
    }

    @Test
    void settersRejectBadInputWithAClearMessage() {
        assertMessage("conversations must be at least 1, got 0", () -> new GenerateTranscripts().conversations(0));
        assertMessage("days must be between 1 and 3660, got -3", () -> new GenerateTranscripts().days(-3));
        assertMessage("bot share must be between 0 and 1, got 1.5", () -> new GenerateTranscripts().botShare(1.5));
        assertMessage(
                "bot penalty for high complexity must be between 0 and 1, got -0.1",
                () -> new GenerateTranscripts().botPenalty(0.0, 0.1, -0.1));
        assertMessage(
                "survey rate must be between 0 and 1, got NaN", () -> new GenerateTranscripts().surveyRate(Double.NaN));
        assertMessage("rollout day must be 0 or more, got -1", () -> new GenerateTranscripts().rolloutDay(-1));
        assertMessage(
                "files per day must be between 1 and 10000, got 0", () -> new GenerateTranscripts().filesPerDay(0));
        assertMessage(
                "start date must be YYYY-MM-DD, got '2024/01/01'",
                () -> new GenerateTranscripts().startDate("2024/01/01"));
        assertMessage("output directory is required", () -> new GenerateTranscripts().execute());
        assertMessage(
                "rollout day 12 is outside the 10 generated days (0-9)",
                () -> new GenerateTranscripts()
                        .outputDir(Path.of("unused"))
                        .days(10)
                        .rolloutDay(12)
                        .execute());
    }

    @Test
    void rolloutDefaultsToAThirdOfTheDays() {
        assertEquals(30, new GenerateTranscripts().effectiveRolloutDay());
        assertEquals(4, new GenerateTranscripts().days(14).effectiveRolloutDay());
        assertEquals(-1, new GenerateTranscripts().noRollout().effectiveRolloutDay());
    }

    @Test
    void topicsMapToTheirComplexityBand() {
        assertEquals(Complexity.LOW, GenerateTranscripts.complexityOf("order_status"));
        assertEquals(Complexity.MEDIUM, GenerateTranscripts.complexityOf("return_item"));
        assertEquals("high", GenerateTranscripts.complexityOf("fraud_dispute").label());
        assertEquals(12, Topic.labels().size());
        assertThrows(IllegalArgumentException.class, () -> GenerateTranscripts.complexityOf("weather"));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, thrown.getMessage());
    }
}
