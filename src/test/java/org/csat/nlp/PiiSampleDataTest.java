package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.csat.generate.GenerateTranscripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redactor on the sample data's planted personal data. The sample is generated again with
 * its seed and a truth file (which says what kinds each conversation plants); the test first
 * checks the regenerated transcripts are byte for byte the committed sample-data, then counts,
 * per kind, how many planted items the redacted customer text replaced. Luhn-failing "card"
 * numbers are planted on purpose and must stay. Every message of a conversation without
 * planted data must come out unchanged (no false positives on order numbers, dates, amounts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiiSampleDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PLACEHOLDER = Map.of(
            "email",
            PiiRedactor.EMAIL,
            "phone",
            PiiRedactor.PHONE,
            "card_luhn",
            PiiRedactor.CARD,
            "iban",
            PiiRedactor.IBAN,
            "handle",
            PiiRedactor.HANDLE);
    private static final Pattern CARD_LIKE = Pattern.compile("\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}");

    private final Map<String, Integer> planted = new TreeMap<>();
    private final Map<String, Integer> caught = new TreeMap<>();
    private int conversationsWithoutPii;
    private final List<String> falsePositives = new ArrayList<>();
    private int luhnFailingKept;

    @BeforeAll
    void redactTheSample(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("transcripts");
        new GenerateTranscripts()
                .outputDir(out)
                .truthFile(dir.resolve("truth.jsonl"))
                .execute();
        assertEquals(
                fileBytes(Path.of("sample-data/transcripts")),
                fileBytes(out),
                "regenerated sample equals sample-data/");

        Map<String, List<String>> kinds = new HashMap<>();
        for (JsonNode t : jsonLines(dir.resolve("truth.jsonl"))) {
            List<String> k = new ArrayList<>();
            t.get("pii").forEach(p -> k.add(p.asText()));
            kinds.put(t.get("conversation_id").asText(), k);
        }
        for (Path file : files(out)) {
            for (JsonNode c : jsonLines(file)) {
                count(kinds.get(c.get("conversation_id").asText()), c.get("messages"));
            }
        }
    }

    private void count(List<String> kinds, JsonNode messages) {
        StringBuilder customer = new StringBuilder();
        for (JsonNode m : messages) {
            String text = m.path("text").asText("");
            String redacted = PiiRedactor.redact(text);
            if (kinds.isEmpty()) {
                if (!redacted.equals(text)) {
                    falsePositives.add(text + " -> " + redacted);
                }
            } else if (m.get("role").asText().equals("customer")) {
                customer.append(redacted).append('\n');
            }
        }
        if (kinds.isEmpty()) {
            conversationsWithoutPii++;
            return;
        }
        String text = customer.toString();
        Map<String, Integer> perKind = new HashMap<>();
        kinds.forEach(k -> perKind.merge(k, 1, Integer::sum));
        perKind.forEach((kind, n) -> {
            planted.merge(kind, n, Integer::sum);
            if (kind.equals("card_invalid")) {
                Matcher m = CARD_LIKE.matcher(text);
                int kept = 0;
                while (m.find()) {
                    kept++;
                }
                luhnFailingKept += Math.min(kept, n);
            } else {
                caught.merge(kind, Math.min(n, occurrences(text, PLACEHOLDER.get(kind))), Integer::sum);
            }
        });
    }

    @Test
    void everyPlantedItemIsRedacted() {
        System.out.println("PII in sample-data: planted " + planted + ", caught " + caught
                + ", Luhn-failing card-like numbers kept " + luhnFailingKept);
        for (String kind : PLACEHOLDER.keySet()) {
            assertEquals(planted.getOrDefault(kind, 0), caught.getOrDefault(kind, 0), kind);
        }
        assertTrue(
                planted.values().stream().mapToInt(Integer::intValue).sum() >= 80,
                "about 5% of 2000 conversations plant data: " + planted);
    }

    @Test
    void luhnFailingCardNumbersAreNotCards() {
        assertTrue(planted.getOrDefault("card_invalid", 0) > 0);
        assertEquals(planted.get("card_invalid"), luhnFailingKept);
    }

    @Test
    void conversationsWithoutPersonalDataComeOutUnchanged() {
        assertTrue(conversationsWithoutPii > 1800, "conversations without planted data: " + conversationsWithoutPii);
        assertEquals(List.of(), falsePositives);
    }

    private static int occurrences(String text, String placeholder) {
        int n = 0;
        for (int i = text.indexOf(placeholder); i >= 0; i = text.indexOf(placeholder, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Map<String, String> fileBytes(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        for (Path file : files(root)) {
            contents.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        return contents;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }
}
