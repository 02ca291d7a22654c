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
 * Converts the MAIA customer-support chats (JSON arrays of sentence records
 * {@code {"<lang>": "Kunde: ...", "en": "Customer: ..."|"Agent: ...", "doc_id": ...}}, German,
 * French and Brazilian Portuguese originals with English translations) into the transcript
 * contract: one conversation per doc_id, in file order, consecutive sentences of the same
 * speaker joined into one message. The speaker is read from the English side; the text is the
 * English side, or with {@code --original} the original's (its speaker label removed). Each
 * conversation states language {@code en}, or with {@code --original} the corpus' language
 * ({@code de}, {@code fr}, {@code pt-BR}); {@code --no-language} states none, so the pipeline
 * has to identify it. Usage: {@code ConvertMaia SOURCE_DIR OUT_FILE [MAX_CONVERSATIONS]
 * [--original] [--no-language] [--split train|dev|test]}. Reads the source in place.
 */
public final class ConvertMaia {
    private static final Pattern SPEAKER = Pattern.compile("^(Customer|Agent):\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern ORIGINAL_SPEAKER = Pattern.compile("^[^:]{1,20}:\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("MAIA-([a-z_]+)-en-([a-z]+)_sentence\\.json");

    /** Which side to write, whether to state the language, which split (null: all). */
    record Options(boolean original, boolean statesLanguage, String split) {}

    private ConvertMaia() {}

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean original = false;
        boolean statesLanguage = true;
        String split = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--original" -> original = true;
                case "--no-language" -> statesLanguage = false;
                case "--split" -> split = args[++i];
                default -> positional.add(args[i]);
            }
        }
        int max = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : Integer.MAX_VALUE;
        int[] counts = convert(
                Path.of(positional.get(0)),
                Path.of(positional.get(1)),
                max,
                new Options(original, statesLanguage, split));
        System.out.printf(
                "converted %d MAIA conversations, %d messages to %s%n", counts[0], counts[1], positional.get(1));
    }

    /** Writes the conversations; returns {conversations, messages}. */
    static int[] convert(Path sourceDir, Path out, int max, Options options) throws IOException {
        File[] files = sourceDir.toFile().listFiles((dir, name) -> {
            Matcher m = FILE.matcher(name);
            return m.matches() && (options.split() == null || m.group(2).equals(options.split()));
        });
        if (files == null || files.length == 0) {
            throw new IOException("no MAIA-*.json files under " + sourceDir);
        }
        Arrays.sort(files);
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        int conversations = 0;
        int messages = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (File file : files) {
                String source = file.getName().replaceFirst("_sentence\\.json$", "");
                Matcher name = FILE.matcher(file.getName());
                name.matches();
                String field = name.group(1);
                String language = options.original() ? corpusLanguage(field) : "en";
                Map<String, List<String[]>> chats = new LinkedHashMap<>();
                for (JsonNode record : json.readTree(file)) {
                    Matcher m = SPEAKER.matcher(record.path("en").asText(""));
                    if (!m.matches()) {
                        continue;
                    }
                    String role = m.group(1).equals("Customer") ? "customer" : "agent";
                    String text =
                            options.original() ? originalText(record.path(field).asText("")) : m.group(2);
                    List<String[]> turns =
                            chats.computeIfAbsent(record.path("doc_id").asText(), k -> new ArrayList<>());
                    String[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
                    if (last != null && last[0].equals(role)) {
                        last[1] = last[1] + " " + text;
                    } else {
                        turns.add(new String[] {role, text});
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
                            .put("started_at", started.toString());
                    if (options.statesLanguage()) {
                        conversation.put("language", language);
                    }
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
        return new int[] {conversations, messages};
    }

    /** The corpus' language as a BCP-47 tag: "de", "fr", "pt_br" -> "pt-BR". */
    static String corpusLanguage(String field) {
        String[] parts = field.split("_");
        return parts.length == 1 ? parts[0] : parts[0] + "-" + parts[1].toUpperCase(java.util.Locale.ROOT);
    }

    /** An original sentence without its speaker label ("Kunde:", "Client:", "Agente:"). */
    private static String originalText(String sentence) {
        Matcher m = ORIGINAL_SPEAKER.matcher(sentence);
        return m.matches() ? m.group(1) : sentence;
    }
}
