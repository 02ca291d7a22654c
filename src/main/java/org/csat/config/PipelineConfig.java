package org.csat.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The pipeline's settings, one typed object. Built from {@code conf/csat.properties}
 * (bundled in the jar, so spark-submit needs no files), then an optional override file
 * ({@code --conf FILE}), then {@code key=value} overrides ({@code --set}). Unknown keys
 * fail loudly so a typo never silently keeps a default. Serializable: executors get it
 * inside the closures that need it.
 */
public final class PipelineConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String DEFAULTS_RESOURCE = "conf/csat.properties";

    private final Map<String, String> values;
    private final PhraseLists phrases;

    private PipelineConfig(Map<String, String> values, PhraseLists phrases) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.phrases = phrases;
    }

    /** The bundled defaults only. */
    public static PipelineConfig defaults() {
        return load(null, Map.of());
    }

    /**
     * The settings of a {@code --set} value, {@code key=value} pairs separated by {@code ;}
     * (blank pairs skipped; null gives none), in order.
     *
     * @throws IllegalArgumentException for a pair without {@code =} or without a key
     */
    public static Map<String, String> parseOverrides(String set) {
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        if (set != null) {
            for (String pair : set.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--set expects key=value, got '" + pair + "'");
                }
                overrides.put(
                        pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return overrides;
    }

    /**
     * Defaults, then {@code overrideFile} (may be null), then {@code overrides}.
     *
     * @throws IllegalArgumentException for an unreadable file or an unknown key
     */
    public static PipelineConfig load(Path overrideFile, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>(readDefaults());
        if (overrideFile != null) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(overrideFile, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read config file " + overrideFile + ": " + e.getMessage(), e);
            }
            putKnown(values, toMap(file), "config file " + overrideFile);
        }
        putKnown(values, overrides, "--set");
        Path phraseDir = overrideFile == null
                ? null
                : overrideFile.toAbsolutePath().getParent().resolve("phrases");
        return new PipelineConfig(values, PhraseLists.load(phraseDir));
    }

    private static Map<String, String> readDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = PipelineConfig.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        DEFAULTS_RESOURCE + " is missing from the classpath; the build bundles conf/");
            }
            defaults.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + DEFAULTS_RESOURCE, e);
        }
        return toMap(defaults);
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            map.put(key, properties.getProperty(key).trim());
        }
        return map;
    }

    private static void putKnown(Map<String, String> values, Map<String, String> changes, String source) {
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!values.containsKey(change.getKey())) {
                throw new IllegalArgumentException("unknown setting '" + change.getKey() + "' in " + source
                        + "; known settings: " + String.join(", ", values.keySet()));
            }
            values.put(change.getKey(), change.getValue().trim());
        }
    }

    /** A copy with {@code key=value} changed; the key must exist. */
    public PipelineConfig with(String key, String value) {
        Map<String, String> changed = new TreeMap<>(values);
        putKnown(changed, Map.of(key, value), "PipelineConfig.with");
        return new PipelineConfig(changed, phrases);
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        return value;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + string(key) + "'");
        }
    }

    public double number(String key) {
        try {
            return Double.parseDouble(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a number, got '" + string(key) + "'");
        }
    }

    public Set<String> stringSet(String key) {
        return Arrays.stream(string(key).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    public Map<String, String> asMap() {
        return values;
    }

    public PhraseLists phrases() {
        return phrases;
    }

    // Typed accessors for the settings the code reads in more than one place.

    public String sparkMaster() {
        return string("spark.master");
    }

    public int shufflePartitions() {
        return integer("spark.sql.shuffle.partitions");
    }

    public int maxMessageChars() {
        return integer("ingest.max_message_chars");
    }

    public int maxRecordChars() {
        return integer("ingest.max_record_chars");
    }

    public Set<String> sentimentLanguages() {
        return stringSet("sentiment.languages");
    }

    public int maxSentenceTokens() {
        return integer("sentiment.max_sentence_tokens");
    }

    public String parseModel() {
        return string("sentiment.parse_model");
    }

    public double languageMinConfidence() {
        return number("language.min_confidence");
    }
}
