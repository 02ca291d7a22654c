package org.csat.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The USS converter on a tiny inline file and on a handful of real MWOZ dialogues. */
class ConvertUssDialoguesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parsesTurnsAndTheOverallRating(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("TINY.txt");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "USER\tI need a cheap hotel.\tinform\t3,3,4",
                        "SYSTEM\tThe Acorn is cheap. Shall I book it?\trequest\t",
                        "USER\tNo, that is wrong.\t\t2,2,1",
                        "USER\tOVERALL\t\t2,3,2,3",
                        "",
                        "",
                        "SYSTEM\tHello!\t\t",
                        "USER\tHi\t\t3,3,3",
                        "",
                        "USER\tThanks!\t\t5,5,5",
                        "USER\tOVERALL\t\t4,5,5",
                        ""),
                StandardCharsets.UTF_8);
        ConvertUssDialogues.Parsed parsed = ConvertUssDialogues.parse(file, "TINY");
        assertEquals(2, parsed.rated().size());
        assertEquals(1, parsed.unrated(), "the middle dialogue has no OVERALL line");
        ConvertUssDialogues.Dialogue first = parsed.rated().get(0);
        assertEquals(2.5, first.overall(), 1e-12);
        assertEquals(3, first.turns().size(), "the OVERALL line is a rating, not a turn");
        assertArrayEquals(
                new String[] {"SYSTEM", "The Acorn is cheap. Shall I book it?", ""},
                first.turns().get(1));
        assertArrayEquals(
                new String[] {"USER", "No, that is wrong.", "2,2,1"},
                first.turns().get(2),
                "a user turn keeps its ratings (message sentiment is checked against them)");
        assertEquals(2, parsed.rated().get(1).index(), "the position in the file counts unrated dialogues too");
        assertEquals(3, ConvertUssDialogues.csat(2.5), "half up");
        assertEquals(2, ConvertUssDialogues.csat(2.25));
        assertEquals(5, ConvertUssDialogues.csat(4.67));
    }

    @Test
    void convertsASampleOfRealDialoguesToTheInputContract(@TempDir Path dir) throws Exception {
        Path uss = Path.of(System.getProperty("csat.shared.dir", "../shared"), "datasets", "uss");
        assumeTrue(Files.isRegularFile(uss.resolve("MWOZ.txt")), "the shared USS data is not here: " + uss);
        ConvertUssDialogues converter = new ConvertUssDialogues()
                .input(uss)
                .files(List.of("MWOZ.txt"))
                .limit(5)
                .seed(3);
        ConvertUssDialogues.Result result = converter.execute(dir.resolve("a.jsonl"));
        converter.execute(dir.resolve("b.jsonl"));
        assertEquals(5, result.written());
        assertEquals(
                Files.readString(dir.resolve("a.jsonl")),
                Files.readString(dir.resolve("b.jsonl")),
                "seeded: the same sample");
        List<String> lines = Files.readAllLines(dir.resolve("a.jsonl"));
        assertEquals(5, lines.size());
        String previousStart = "";
        for (String line : lines) {
            JsonNode c = JSON.readTree(line);
            assertTrue(c.get("conversation_id").asText().startsWith("uss-mwoz-"));
            int csat = c.get("csat").asInt();
            double mean = c.get("metadata").get("uss_overall_mean").asDouble();
            assertTrue(csat >= 1 && csat <= 5 && Math.abs(csat - mean) <= 0.5, csat + " vs " + mean);
            assertTrue(c.get("started_at").asText().compareTo(previousStart) > 0, "dialogues start one after another");
            previousStart = c.get("started_at").asText();
            for (JsonNode m : c.get("messages")) {
                assertTrue(Set.of("customer", "bot").contains(m.get("role").asText()));
                assertTrue(!m.get("text").asText().isBlank());
            }
            assertEquals(
                    "customer", c.get("messages").get(0).get("role").asText(), "MWOZ dialogues open with the user");
        }
    }
}
