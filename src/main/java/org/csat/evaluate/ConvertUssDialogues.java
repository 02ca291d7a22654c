package org.csat.evaluate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Converts User Satisfaction Simulation dialogues (Sun et al., SIGIR 2021: one
 * {@code ROLE \t text \t action \t sat1,sat2,...} line per turn, a blank line between
 * dialogues, a last {@code USER \t OVERALL} line with the annotators' dialogue ratings) into
 * the pipeline's input contract, one JSON line per dialogue: USER turns become
 * {@code customer} messages, SYSTEM turns {@code bot} messages (or {@code agent}, see
 * {@link #systemRole}), the mean of the overall ratings rounded half up becomes {@code csat}
 * and is kept exactly in {@code metadata.uss_overall_mean}. The corpus name is the
 * {@code topic}. USS has no timestamps: the dialogues are shuffled with {@link #seed} and
 * start 15 minutes apart in that order (so a split by time is a random split), messages carry
 * no ts, and every dialogue has its own customer id (no repeat contacts).
 */
final class ConvertUssDialogues {
    public static final List<String> ENGLISH_CORPORA = List.of("MWOZ.txt", "SGD.txt", "ReDial.txt", "CCPE.txt");
    static final Instant FIRST_START = Instant.parse("2024-01-01T00:00:00Z");

    private Path input;
    private List<String> files = ENGLISH_CORPORA;
    private int limit;
    private long seed = 42;
    private String systemRole = "bot";

    /**
     * One dialogue: corpus, position in its file, turns as (role, text, the turn's ratings as
     * written, "" when none), the overall ratings' mean.
     */
    public record Dialogue(String corpus, int index, List<String[]> turns, double overall) {
        /** The conversation_id it is written as. */
        String conversationId() {
            return "uss-" + corpus.toLowerCase(Locale.ROOT) + "-" + index;
        }
    }

    /** Dialogues written (and which: the evaluation reads their ratings from here, not from the redacted metadata), and dialogues skipped for having no overall rating. */
    public record Result(int written, int skipped, Map<String, Integer> perCorpus, List<Dialogue> sample) {}

    public ConvertUssDialogues input(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("USS directory not found: " + directory);
        }
        this.input = directory;
        return this;
    }

    public ConvertUssDialogues files(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("name at least one USS file");
        }
        this.files = List.copyOf(names);
        return this;
    }

    /** Keep this many dialogues, a seeded random sample of all of them (0: all). */
    public ConvertUssDialogues limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        this.limit = limit;
        return this;
    }

    public ConvertUssDialogues seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The role SYSTEM turns take: {@code bot} (default) or {@code agent}. */
    public ConvertUssDialogues systemRole(String role) {
        if (!"bot".equals(role) && !"agent".equals(role)) {
            throw new IllegalArgumentException("the system role must be bot or agent, got " + role);
        }
        this.systemRole = role;
        return this;
    }

    /** Writes the sample to {@code output} (a .jsonl file; its directory is created). */
    public Result execute(Path output) throws IOException {
        if (input == null) {
            throw new IllegalStateException("input must be set before execute()");
        }
        List<Dialogue> dialogues = new ArrayList<>();
        int skipped = 0;
        for (String name : files) {
            Parsed parsed = parse(input.resolve(name), name.replaceFirst("\\.txt$", ""));
            dialogues.addAll(parsed.rated());
            skipped += parsed.unrated();
        }
        Collections.shuffle(dialogues, new Random(seed));
        List<Dialogue> sample = limit == 0 || limit >= dialogues.size() ? dialogues : dialogues.subList(0, limit);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Map<String, Integer> perCorpus = new LinkedHashMap<>();
        try (OutputStream out = Files.newOutputStream(output);
                JsonGenerator json =
                        new JsonFactory().setRootValueSeparator(null).createGenerator(out, JsonEncoding.UTF8)) {
            for (int i = 0; i < sample.size(); i++) {
                write(json, sample.get(i), i);
                json.writeRaw('\n');
                perCorpus.merge(sample.get(i).corpus(), 1, Integer::sum);
            }
        }
        return new Result(sample.size(), skipped, perCorpus, List.copyOf(sample));
    }

    /** A file's dialogues with an overall rating, in file order, and how many had none. */
    public record Parsed(List<Dialogue> rated, int unrated) {}

    public static Parsed parse(Path file, String corpus) throws IOException {
        List<Dialogue> dialogues = new ArrayList<>();
        int unrated = 0;
        List<String[]> turns = new ArrayList<>();
        int index = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                if (line == null || line.isBlank()) {
                    if (!turns.isEmpty()) {
                        Dialogue d = dialogue(corpus, index++, turns);
                        if (d != null) {
                            dialogues.add(d);
                        } else {
                            unrated++;
                        }
                        turns = new ArrayList<>();
                    }
                    if (line == null) {
                        break;
                    }
                    continue;
                }
                turns.add(line.split("\t", -1));
            }
        }
        return new Parsed(dialogues, unrated);
    }

    private static Dialogue dialogue(String corpus, int index, List<String[]> lines) {
        List<String[]> turns = new ArrayList<>();
        Double overall = null;
        for (String[] fields : lines) {
            String role = fields[0].strip().toUpperCase(Locale.ROOT);
            String text = fields.length > 1 ? fields[1].strip() : "";
            if (role.equals("USER") && text.equals("OVERALL")) {
                overall = mean(fields.length > 3 ? fields[3] : "");
            } else if ((role.equals("USER") || role.equals("SYSTEM")) && !text.isEmpty()) {
                turns.add(new String[] {role, text, fields.length > 3 ? fields[3].strip() : ""});
            }
        }
        return overall == null || turns.isEmpty() ? null : new Dialogue(corpus, index, turns, overall);
    }

    /** The mean of comma-separated ratings, null when there are none. */
    static Double mean(String ratings) {
        double sum = 0;
        int n = 0;
        for (String r : ratings.split(",")) {
            if (!r.isBlank()) {
                sum += Double.parseDouble(r.strip());
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** The survey score the contract allows: the mean rating rounded half up, 1..5. */
    static int csat(double overall) {
        return (int) Math.max(1, Math.min(5, Math.floor(overall + 0.5)));
    }

    private void write(JsonGenerator json, Dialogue d, int position) throws IOException {
        String id = d.conversationId();
        json.writeStartObject();
        json.writeStringField("conversation_id", id);
        json.writeStringField("customer_id", "customer-" + id);
        json.writeStringField("channel", "chat");
        json.writeStringField("language", "en");
        json.writeStringField(
                "started_at", FIRST_START.plusSeconds(900L * position).toString());
        json.writeStringField("topic", d.corpus().toLowerCase(Locale.ROOT));
        json.writeNumberField("csat", csat(d.overall()));
        json.writeArrayFieldStart("messages");
        for (String[] turn : d.turns()) {
            json.writeStartObject();
            json.writeStringField("role", turn[0].equals("USER") ? "customer" : systemRole);
            json.writeStringField("text", turn[1]);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("metadata");
        json.writeStringField("uss_corpus", d.corpus());
        json.writeStringField("uss_dialogue", Integer.toString(d.index()));
        json.writeStringField("uss_overall_mean", Double.toString(d.overall()));
        json.writeEndObject();
        json.writeEndObject();
    }
}
