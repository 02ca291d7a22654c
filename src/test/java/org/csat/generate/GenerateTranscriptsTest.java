package org.csat.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the generator's output against the input contract and the effects it is meant
 * to plant. Most checks read one shared run: 3000 conversations over 30 days with the bot
 * going live on day 10, defaults otherwise.
 */
class GenerateTranscriptsTest {
    private static final Set<String> ROLES = Set.of("customer", "bot", "agent", "system");
    private static final int ROLLOUT_DAY = 10;
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @TempDir
    static Path shared;

    private static GenerateResult sharedResult;
    private static List<JsonNode> conversations;
    private static Map<String, JsonNode> truth;

    @BeforeAll
    static void generateSharedRun() throws IOException {
        sharedResult = new GenerateTranscripts()
                .outputDir(shared.resolve("out"))
                .conversations(3000)
                .days(30)
                .rolloutDay(ROLLOUT_DAY)
                .seed(7)
                .truthFile(shared.resolve("truth.jsonl"))
                .execute();
        conversations = GeneratedFiles.conversations(shared.resolve("out"));
        truth = new HashMap<>();
        for (JsonNode line : GeneratedFiles.readJsonLines(shared.resolve("truth.jsonl"))) {
            truth.put(line.get("conversation_id").asText(), line);
        }
    }

    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path dir) throws IOException {
        for (String run : List.of("a", "b")) {
            new GenerateTranscripts()
                    .outputDir(dir.resolve(run))
                    .conversations(300)
                    .days(6)
                    .seed(11)
                    .format(OutputFormat.JSONL_GZ)
                    .filesPerDay(2)
                    .execute();
        }
        Map<String, String> first = GeneratedFiles.hashes(dir.resolve("a"));
        assertEquals(12, first.size());
        assertEquals(first, GeneratedFiles.hashes(dir.resolve("b")));
    }

    @Test
    void differentSeedsWriteDifferentConversations(@TempDir Path dir) throws IOException {
        new GenerateTranscripts()
                .outputDir(dir.resolve("a"))
                .conversations(300)
                .days(6)
                .seed(11)
                .execute();
        new GenerateTranscripts()
                .outputDir(dir.resolve("b"))
                .conversations(300)
                .days(6)
                .seed(12)
                .execute();
        Map<String, String> first = GeneratedFiles.hashes(dir.resolve("a"));
        Map<String, String> second = GeneratedFiles.hashes(dir.resolve("b"));
        assertEquals(first.keySet(), second.keySet());
        for (String file : first.keySet()) {
            assertNotEquals(first.get(file), second.get(file), file);
        }
    }

    @Test
    void runWritesTheRequestedCountsOneDirectoryPerDay() throws IOException {
        assertEquals(3000, sharedResult.conversations());
        assertEquals(3000, conversations.size());
        assertEquals(30, sharedResult.files());
        long messages = 0;
        for (JsonNode conversation : conversations) {
            messages += conversation.get("messages").size();
        }
        assertEquals(sharedResult.messages(), messages);
        for (Path file : GeneratedFiles.files(shared.resolve("out"))) {
            assertEquals("conversations-000.jsonl", file.getFileName().toString());
            LocalDate day = LocalDate.parse(file.getParent().getFileName().toString());
            assertFalse(day.isBefore(START) || day.isAfter(START.plusDays(29)), day.toString());
        }
    }

    @Test
    void everyConversationMeetsTheContract() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path file : GeneratedFiles.files(shared.resolve("out"))) {
            String day = file.getParent().getFileName().toString();
            Instant previousStart = Instant.MIN;
            for (JsonNode c : GeneratedFiles.readJsonLines(file)) {
                String id = c.get("conversation_id").asText();
                assertTrue(id.matches("c-" + day + "-\\d{5}"), id);
                assertTrue(ids.add(id), "duplicate " + id);
                assertTrue(c.get("customer_id").asText().matches("cust-\\d+"), id);
                Instant started = Instant.parse(c.get("started_at").asText());
                assertEquals(day, started.atZone(ZoneOffset.UTC).toLocalDate().toString(), id);
                assertFalse(started.isBefore(previousStart), "not sorted by started_at at " + id);
                previousStart = started;
                if (c.has("ended_at")) {
                    assertFalse(Instant.parse(c.get("ended_at").asText()).isBefore(started), id);
                }
                if (c.has("csat")) {
                    assertTrue(
                            c.get("csat").isInt()
                                    && c.get("csat").asInt() >= 1
                                    && c.get("csat").asInt() <= 5,
                            id);
                }
                if (c.has("topic")) {
                    assertTrue(Topic.labels().contains(c.get("topic").asText()), id);
                }
                if (c.has("language")) {
                    assertTrue(
                            Set.of("en", "de", "fr", "es", "sv")
                                    .contains(c.get("language").asText()),
                            id);
                }
                checkMessages(id, started, c.get("messages"));
            }
        }
        assertEquals(3000, ids.size());
    }

    private static void checkMessages(String id, Instant started, JsonNode messages) {
        assertTrue(messages.size() >= 2, id);
        assertTrue(messages.get(0).has("ts"), id + " first message must carry ts");
        Instant previous = started;
        for (JsonNode m : messages) {
            String role = m.get("role").asText();
            assertTrue(ROLES.contains(role), id + " role " + role);
            assertFalse(m.get("text").asText().isBlank(), id);
            if (m.has("ts")) {
                Instant ts = Instant.parse(m.get("ts").asText());
                assertFalse(ts.isBefore(previous), id + " messages out of order");
                previous = ts;
            }
            switch (role) {
                case "bot" -> assertEquals("assistant-v2", m.get("agent_id").asText(), id);
                case "agent" -> assertTrue(m.get("agent_id").asText().matches("a-\\d+"), id);
                case "system" ->
                    assertTrue(
                            Set.of("handoff", "transfer", "closed", "timeout")
                                    .contains(m.get("event").asText()),
                            id);
                default -> assertFalse(m.has("agent_id"), id);
            }
        }
    }

    @Test
    void botTakesTheTargetShareAfterRolloutAndNothingBefore() {
        int before = 0;
        int after = 0;
        int botBefore = 0;
        int botAfter = 0;
        for (JsonNode c : conversations) {
            boolean bot = GeneratedFiles.botFirst(c);
            if (dayIndex(c) < ROLLOUT_DAY) {
                before++;
                botBefore += bot ? 1 : 0;
            } else {
                after++;
                botAfter += bot ? 1 : 0;
            }
        }
        assertTrue(before > 500 && after > 1500, before + " / " + after);
        assertEquals(0, botBefore);
        assertEquals(0.67, (double) botAfter / after, 0.04);
    }

    @Test
    void botTakesSimpleTopicsMoreOftenThanHardOnes() {
        Map<Complexity, int[]> byBand = new HashMap<>();
        for (JsonNode c : conversations) {
            JsonNode t = truth.get(c.get("conversation_id").asText());
            if (dayIndex(c) >= ROLLOUT_DAY) {
                int[] counts =
                        byBand.computeIfAbsent(Topic.complexityOf(t.get("topic").asText()), band -> new int[2]);
                counts[0]++;
                counts[1] += GeneratedFiles.botFirst(c) ? 1 : 0;
            }
        }
        double low = share(byBand.get(Complexity.LOW));
        double medium = share(byBand.get(Complexity.MEDIUM));
        double high = share(byBand.get(Complexity.HIGH));
        assertTrue(low > medium + 0.1 && medium > high + 0.1, low + " / " + medium + " / " + high);
    }

    @Test
    void aboutOneInTenConversationsCarriesASurveyScore() {
        long surveyed = conversations.stream().filter(c -> c.has("csat")).count();
        assertEquals(0.10, surveyed / 3000.0, 0.02);
    }

    @Test
    void surveyScoresFollowResolutionAndHandling() {
        double[] resolvedHuman = new double[2];
        double[] unresolvedBot = new double[2];
        for (JsonNode c : conversations) {
            JsonNode t = truth.get(c.get("conversation_id").asText());
            if (!c.has("csat")) {
                continue;
            }
            boolean resolved = t.get("resolved").asBoolean();
            String handling = t.get("handling").asText();
            double[] bucket = resolved && handling.equals("human")
                    ? resolvedHuman
                    : !resolved && handling.equals("bot_only") ? unresolvedBot : null;
            if (bucket != null) {
                bucket[0] += c.get("csat").asInt();
                bucket[1]++;
            }
        }
        assertTrue(resolvedHuman[1] >= 50 && unresolvedBot[1] >= 5, resolvedHuman[1] + " / " + unresolvedBot[1]);
        assertTrue(
                resolvedHuman[0] / resolvedHuman[1] >= 3.8,
                "resolved human mean " + resolvedHuman[0] / resolvedHuman[1]);
        assertTrue(
                unresolvedBot[0] / unresolvedBot[1] <= 2.0,
                "unresolved bot mean " + unresolvedBot[0] / unresolvedBot[1]);
    }

    @Test
    void unresolvedProblemsComeBackFromTheSameCustomerWithinSixDays() {
        Map<String, JsonNode> byId = new HashMap<>();
        conversations.forEach(c -> byId.put(c.get("conversation_id").asText(), c));
        int repeats = 0;
        for (JsonNode t : truth.values()) {
            if (!t.has("repeat_of")) {
                continue;
            }
            repeats++;
            JsonNode later = byId.get(t.get("conversation_id").asText());
            JsonNode earlier = byId.get(t.get("repeat_of").asText());
            JsonNode earlierTruth = truth.get(t.get("repeat_of").asText());
            assertEquals(earlier.get("customer_id"), later.get("customer_id"));
            assertEquals(earlierTruth.get("topic"), t.get("topic"));
            long days = ChronoUnit.DAYS.between(dayOf(earlier), dayOf(later));
            assertTrue(days >= 1 && days <= 6, days + " days");
        }
        assertTrue(repeats > 150, repeats + " repeat contacts");
        long customers = conversations.stream()
                .map(c -> c.get("customer_id").asText())
                .distinct()
                .count();
        assertTrue(customers < 3000 - repeats, "returning customers should reuse ids too: " + customers);
    }

    @Test
    void optionalFieldsAreSometimesAbsent() {
        long noLanguage = conversations.stream().filter(c -> !c.has("language")).count();
        long noTopic = conversations.stream().filter(c -> !c.has("topic")).count();
        long messages = 0;
        long noTs = 0;
        for (JsonNode c : conversations) {
            for (JsonNode m : c.get("messages")) {
                messages++;
                noTs += m.has("ts") ? 0 : 1;
            }
        }
        assertEquals(0.10, noLanguage / 3000.0, 0.03);
        assertEquals(0.05, noTopic / 3000.0, 0.02);
        assertEquals(0.02, (double) noTs / messages, 0.01);
    }

    @Test
    void botRepeatsItsTemplatesVerbatimAndSometimesLoops() {
        Set<String> botTexts = new HashSet<>();
        int loops = 0;
        for (JsonNode c : conversations) {
            int fallbacksInARow = 0;
            for (JsonNode m : c.get("messages")) {
                if (m.get("role").asText().equals("bot")) {
                    botTexts.add(m.get("text").asText());
                    boolean fallback = m.get("text").asText().startsWith("Sorry, I didn't quite get that.");
                    fallbacksInARow = fallback ? fallbacksInARow + 1 : 0;
                    if (fallbacksInARow == 2) {
                        loops++;
                    }
                }
            }
        }
        assertTrue(botTexts.size() <= 5 * (8 + Topic.values().length), botTexts.size() + " distinct bot texts");
        assertTrue(loops > 10, loops + " bot loops");
    }

    @Test
    void escalationsMostlyCarryAHandoffEventButNotAlways() {
        int escalated = 0;
        int withEvent = 0;
        for (JsonNode t : truth.values()) {
            if (t.get("handling").asText().equals("escalated")) {
                escalated++;
                withEvent += t.get("handoff_event").asBoolean() ? 1 : 0;
            }
        }
        assertTrue(escalated > 100, escalated + " escalations");
        assertTrue(withEvent > escalated * 0.8 && withEvent < escalated, withEvent + " of " + escalated);
    }

    @Test
    void textIsRawUtf8WithEmojiAndOneConversationPerLine() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : GeneratedFiles.files(shared.resolve("out"))) {
            all.append(Files.readString(file, StandardCharsets.UTF_8));
        }
        String text = all.toString();
        assertTrue(text.contains("👍") && text.contains("😡"), "emoji expected");
        assertFalse(text.contains("\\uD83D") || text.contains("\r"), "escaped surrogates or CR found");
        assertEquals(
                3000,
                text.lines()
                        .filter(line -> line.startsWith("{\"conversation_id\":"))
                        .count());
        assertTrue(text.endsWith("}\n"));
    }

    private static int dayIndex(JsonNode conversation) {
        return (int) ChronoUnit.DAYS.between(START, dayOf(conversation));
    }

    private static LocalDate dayOf(JsonNode conversation) {
        return Instant.parse(conversation.get("started_at").asText())
                .atZone(ZoneOffset.UTC)
                .toLocalDate();
    }

    private static double share(int[] counts) {
        return (double) counts[1] / counts[0];
    }
}
