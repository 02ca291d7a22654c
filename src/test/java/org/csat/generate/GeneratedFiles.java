package org.csat.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads what a generator run wrote, for the tests. */
final class GeneratedFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedFiles() {}

    /** Every regular file under {@code root}, in path order. */
    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** SHA-256 of every file under {@code root}, keyed by relative path. */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files(root)) {
            hashes.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
        }
        return hashes;
    }

    /** The JSON lines of a {@code .jsonl} or {@code .jsonl.gz} file. */
    static List<JsonNode> readJsonLines(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** All conversations under {@code root}, in directory and file order. */
    static List<JsonNode> conversations(Path root) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (Path file : files(root)) {
            if (file.getFileName().toString().startsWith("conversations-")) {
                all.addAll(readJsonLines(file));
            }
        }
        return all;
    }

    /** Whether the first human or bot turn of a conversation is the bot's. */
    static boolean botFirst(JsonNode conversation) {
        for (JsonNode message : conversation.get("messages")) {
            String role = message.get("role").asText();
            if (role.equals("bot") || role.equals("agent")) {
                return role.equals("bot");
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
