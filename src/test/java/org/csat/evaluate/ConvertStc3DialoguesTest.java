package org.csat.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The STC-3 converter on a tiny inline file and on the shared development split. */
class ConvertStc3DialoguesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TINY = """
            [{"id": "1", "turns": [
                {"sender": "customer", "utterances": ["My phone has no signal.", "Since yesterday."]},
                {"sender": "helpdesk", "utterances": ["Please restart it."]},
                {"sender": "customer", "utterances": ["It works now, thanks!"]}],
              "annotations": [{"quality": {"A": 2, "S": 1, "E": 1}}, {"quality": {"A": 1, "S": 0, "E": 1}}]},
             {"id": "2", "turns": [
                {"sender": "customer", "utterances": ["Where is my refund?"]},
                {"sender": "helpdesk", "utterances": ["Please call our hotline."]}],
              "annotations": [{"quality": {"A": -1, "S": -2, "E": -1}}, {"quality": {"A": 0, "S": -1, "E": 0}}]}]
            """;

    @Test
    void everyUtteranceIsAMessageAndOnlyTheChosenDialoguesCarryLabelsAndSurveys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, TINY, StandardCharsets.UTF_8);
        List<ConvertStc3Dialogues.Dialogue> dialogues = ConvertStc3Dialogues.read(file);
        assertEquals(2, dialogues.size());
        ConvertStc3Dialogues.Dialogue solved = dialogues.get(0);
        assertEquals(1.5, solved.a(), 1e-12);
        assertTrue(solved.accomplished());
        assertEquals(4, solved.csat(), "S 0.5 + 3 rounds half up to 4");
        assertFalse(dialogues.get(1).accomplished(), "A -0.5");
        assertEquals(2, dialogues.get(1).csat(), "S -1.5 + 3 = 1.5 rounds half up to 2");

        Path out = dir.resolve("out/stc3.jsonl");
        ConvertStc3Dialogues.write(dialogues, Set.of("1"), "qa_resolved", Set.of("2"), out);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("stc3-1", first.get("conversation_id").asText());
        assertEquals(4, first.get("messages").size(), "one message per utterance");
        assertEquals("customer", first.get("messages").get(1).get("role").asText());
        assertEquals("agent", first.get("messages").get(2).get("role").asText(), "the helpdesk is people");
        assertEquals("true", first.get("metadata").get("qa_resolved").asText(), "labelled, under the key given");
        assertFalse(first.has("csat"), "not surveyed");
        assertEquals(2, second.get("csat").asInt(), "surveyed");
        assertFalse(second.get("metadata").has("qa_resolved"), "not labelled");
        assertEquals("2024-01-01T00:15:00Z", second.get("started_at").asText(), "15 minutes apart in the order given");
        assertEquals("-0.5", second.get("metadata").get("stc3_A").asText());
    }

    @Test
    void aFileThatIsNotStc3IsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"id\": 1}", StandardCharsets.UTF_8);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConvertStc3Dialogues.read(file));
        assertTrue(e.getMessage().contains("other.json"), e.getMessage());
    }

    @Test
    void readsTheSharedDevelopmentSplit() throws Exception {
        Path file = Path.of(System.getProperty("csat.shared.dir", "../shared"), "datasets", "stc3", "stc3_dev_en.json");
        assumeTrue(Files.isRegularFile(file), "the shared STC-3 split is not here: " + file);
        List<ConvertStc3Dialogues.Dialogue> dialogues = ConvertStc3Dialogues.read(file);
        assertEquals(560, dialogues.size());
        long accomplished = dialogues.stream()
                .filter(ConvertStc3Dialogues.Dialogue::accomplished)
                .count();
        assertTrue(accomplished > 100 && accomplished < 250, "A > 0 for " + accomplished);
        assertTrue(dialogues.stream()
                .allMatch(d -> d.s() >= -2 && d.s() <= 2 && !d.utterances().isEmpty()));
        assertEquals(
                ConvertStc3Dialogues.shuffled(dialogues, 42), ConvertStc3Dialogues.shuffled(dialogues, 42), "seeded");
    }
}
