package org.csat.evaluate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * NTCIR-14 STC-3 dialogues (English translations of Weibo customer-helpdesk chats, each rated
 * by 19 annotators for task accomplishment A, customer satisfaction S and effectiveness E on
 * -2..2) in the pipeline's input contract, one JSON line per dialogue. Each utterance is a
 * message: the customer's are {@code customer}, the helpdesk's {@code agent} (people answered
 * these chats). The dialogues are shuffled with the seed and start 15 minutes apart in that
 * order (no timestamps in the corpus, so a split by time is a random split); messages carry no
 * ts; every dialogue has its own customer. The annotators' means are kept in
 * {@code metadata} ({@code stc3_A}, {@code stc3_S}, {@code stc3_E}) for people reading the tables (the
 * evaluation reads them from the file: metadata is redacted like any free text), never
 * read by the pipeline; what the pipeline may read is chosen per dialogue: a person's label
 * under the metadata key the pipeline reads labels from (A &gt; 0: {@code "true"}) and a survey
 * {@code csat} (S + 3, rounded half up).
 */
final class ConvertStc3Dialogues {
    static final Instant FIRST_START = Instant.parse("2024-01-01T00:00:00Z");

    /** One dialogue: its id, turns as (sender, utterance), the annotators' mean A, S and E. */
    record Dialogue(String id, List<String[]> utterances, double a, double s, double e) {
        /** The conversation_id it is converted to. */
        String conversationId() {
            return "stc3-" + id;
        }

        boolean accomplished() {
            return a > 0;
        }

        /** S on the survey's 1..5 scale: S + 3, rounded half up. */
        int csat() {
            return (int) Math.max(1, Math.min(5, Math.floor(s + 3 + 0.5)));
        }
    }

    private ConvertStc3Dialogues() {}

    /** The dialogues of an STC-3 JSON file, in the file's order. */
    static List<Dialogue> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + " is not an STC-3 file (a JSON array of dialogues)");
        }
        List<Dialogue> dialogues = new ArrayList<>();
        for (JsonNode dialogue : root) {
            List<String[]> utterances = new ArrayList<>();
            for (JsonNode turn : dialogue.path("turns")) {
                String sender = turn.path("sender").asText();
                for (JsonNode utterance : turn.path("utterances")) {
                    if (!utterance.asText().isBlank()) {
                        utterances.add(new String[] {sender, utterance.asText().strip()});
                    }
                }
            }
            double[] sums = new double[3];
            int annotators = 0;
            for (JsonNode annotation : dialogue.path("annotations")) {
                JsonNode quality = annotation.path("quality");
                sums[0] += quality.path("A").asDouble();
                sums[1] += quality.path("S").asDouble();
                sums[2] += quality.path("E").asDouble();
                annotators++;
            }
            String id = dialogue.path("id").asText();
            if (id.isEmpty() || annotators == 0 || utterances.isEmpty()) {
                throw new IllegalArgumentException(file + ": dialogue '" + id + "' has no id, turns or annotations");
            }
            dialogues.add(
                    new Dialogue(id, utterances, sums[0] / annotators, sums[1] / annotators, sums[2] / annotators));
        }
        return dialogues;
    }

    /** The dialogues in the seeded order the conversion and the folds use. */
    static List<Dialogue> shuffled(List<Dialogue> dialogues, long seed) {
        List<Dialogue> order = new ArrayList<>(dialogues);
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    /**
     * Writes {@code dialogues} (in the order given: the i-th starts 15 minutes after the
     * (i-1)-th) to a .jsonl file; those in {@code labelled} carry {@code metadata[labelKey]},
     * those in {@code surveyed} a {@code csat}.
     */
    static void write(
            List<Dialogue> dialogues, Set<String> labelled, String labelKey, Set<String> surveyed, Path output)
            throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output);
                JsonGenerator json =
                        new JsonFactory().setRootValueSeparator(null).createGenerator(out, JsonEncoding.UTF8)) {
            for (int i = 0; i < dialogues.size(); i++) {
                Dialogue d = dialogues.get(i);
                json.writeStartObject();
                json.writeStringField("conversation_id", d.conversationId());
                json.writeStringField("customer_id", "customer-" + d.conversationId());
                json.writeStringField("channel", "social");
                json.writeStringField("language", "en");
                json.writeStringField(
                        "started_at", FIRST_START.plusSeconds(900L * i).toString());
                if (surveyed.contains(d.id())) {
                    json.writeNumberField("csat", d.csat());
                }
                json.writeArrayFieldStart("messages");
                for (String[] utterance : d.utterances()) {
                    json.writeStartObject();
                    json.writeStringField("role", utterance[0].equals("customer") ? "customer" : "agent");
                    json.writeStringField("text", utterance[1]);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeObjectFieldStart("metadata");
                json.writeStringField("stc3_id", d.id());
                json.writeStringField("stc3_A", Double.toString(d.a()));
                json.writeStringField("stc3_S", Double.toString(d.s()));
                json.writeStringField("stc3_E", Double.toString(d.e()));
                if (labelled.contains(d.id())) {
                    json.writeStringField(labelKey, Boolean.toString(d.accomplished()));
                }
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }
}
