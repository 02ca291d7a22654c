package org.csat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the English side of the MAIA customer-support chats (JSON arrays of sentence
 * records {@code {"<lang>": ..., "en": "Customer: ..."|"Agent: ...", "doc_id": ...}}) into
 * the transcript contract: one conversation per doc_id, in file order, consecutive
 * sentences of the same speaker joined into one message, language {@code en}. Usage:
 * {@code ConvertMaia SOURCE_DIR OUT_FILE [MAX_CONVERSATIONS]}. Reads the source in place.
 */
public final class ConvertMaia {
    private static final Pattern SPEAKER = Pattern.compile("^(Customer|Agent):\\s*(.*)$", Pattern.DOTALL);

    private ConvertMaia() {}

    public static void main(String[] args) throws IOException {
        File[] files = new File(args[0]).listFiles((dir, name) -> name.startsWith("MAIA-") && name.endsWith(".json"));
        if (files == null || files.length == 0) {
            throw new IOException("no MAIA-*.json files under " + args[0]);
        }
        Arrays.sort(files);
        int max = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        ObjectMapper json = new ObjectMapper();
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        int conversations = 0;
        int messages = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (File file : files) {
                String source = file.getName().replaceFirst("_sentence\\.json$", "");
                Map<String, List<String[]>> chats = new LinkedHashMap<>();
                for (JsonNode record : json.readTree(file)) {
                    Matcher m = SPEAKER.matcher(record.path("en").asText(""));
                    if (!m.matches()) {
                        continue;
                    }
                    String role = m.group(1).equals("Customer") ? "customer" : "agent";
                    List<String[]> turns =
                            chats.computeIfAbsent(record.path("doc_id").asText(), k -> new ArrayList<>());
                    String[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
                    if (last != null && last[0].equals(role)) {
                        last[1] = last[1] + " " + m.group(2);
                    } else {
                        turns.add(new String[] {role, m.group(2)});
                    }
                }
                for (Map.Entry<String, List<String[]>> chat : chats.entrySet()) {
                    if (conversations >= max) {
                        break;
                    }
                    Instant started = start.plusSeconds(conversations * 60L);
                    ObjectNode conversation = json.createObjectNode()
                            .put("conversation_id", source + "/" + chat.getKey())
                            .put("channel", "chat")
                            .put("language", "en")
                            .put("started_at", started.toString());
                    ArrayNode turns = conversation.putArray("messages");
                    int i = 0;
                    for (String[] turn : chat.getValue()) {
                        turns.addObject()
                                .put("ts", started.plusSeconds(10L * i++).toString())
                                .put("role", turn[0])
                                .put("text", turn[1]);
                    }
                    writer.write(json.writeValueAsString(conversation));
                    writer.newLine();
                    conversations++;
                    messages += chat.getValue().size();
                }
            }
        }
        System.out.printf("converted %d MAIA conversations, %d messages to %s%n", conversations, messages, out);
    }
}
