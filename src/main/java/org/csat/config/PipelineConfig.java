package org.csat.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The pipeline's settings, one typed object. Every key is declared once, with its default and
 * documentation ({@link Setting}, listed by {@link Settings}); then an optional override file
 * ({@code --conf FILE}) and {@code key=value} overrides ({@code --set}) change them. Loading
 * checks everything: an unknown key, a value that does not parse or lies out of range, or
 * settings that contradict each other fail at once, naming the key, so a typo never keeps a
 * default and a bad value never reaches Spark. Each stage reads its own typed record
 * ({@link #ingest()}, {@link #sentiment()}, {@link #quality()}, {@link #comparison()}, {@link #report()}, ...).
 * Serializable: executors get it inside the closures that need it.
 */
public final class PipelineConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> values;
    private final PhraseLists phrases;
    private final SparkSettings spark;
    private final IngestSettings ingest;
    private final SentimentSettings sentiment;
    private final LanguageSettings language;
    private final QualitySettings quality;
    private final ComparisonSettings comparison;
    private final ReportSettings report;
    private final CatalogSettings catalog;
    private final MaintenanceSettings maintenance;

    private PipelineConfig(Map<String, String> values, PhraseLists phrases) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.phrases = phrases;
        this.spark = SparkSettings.from(this);
        this.ingest = IngestSettings.from(this);
        this.sentiment = SentimentSettings.from(this);
        this.language = LanguageSettings.from(this);
        this.quality = QualitySettings.from(this);
        this.comparison = ComparisonSettings.from(this);
        this.report = ReportSettings.from(this);
        this.catalog = CatalogSettings.from(this);
        this.maintenance = MaintenanceSettings.from(this);
    }

    /** The declared defaults and the bundled phrase lists. */
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
     * @throws IllegalArgumentException for an unreadable file, an unknown key or a bad value
     */
    public static PipelineConfig load(Path overrideFile, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        Settings.byKey().forEach((key, setting) -> values.put(key, setting.defaultText()));
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

    /** A copy with {@code key=value} changed; the key must be declared and the value valid. */
    public PipelineConfig with(String key, String value) {
        Map<String, String> changed = new TreeMap<>(values);
        putKnown(changed, Map.of(key, value), "PipelineConfig.with");
        return new PipelineConfig(changed, phrases);
    }

    /** The value of a declared setting. */
    <T> T get(Setting<T> setting) {
        return setting.parse(text(setting));
    }

    /** A setting's text as given (trimmed), e.g. for a model's version hash. */
    public String text(Setting<?> setting) {
        String value = values.get(setting.key());
        if (value == null) {
            throw new IllegalStateException("setting " + setting.key() + " is not declared in Settings");
        }
        return value;
    }

    /** The texts of {@code settings} by key, sorted. */
    public Map<String, String> texts(List<Setting<?>> settings) {
        Map<String, String> texts = new TreeMap<>();
        settings.forEach(s -> texts.put(s.key(), text(s)));
        return texts;
    }

    public PhraseLists phrases() {
        return phrases;
    }

    public SparkSettings spark() {
        return spark;
    }

    public IngestSettings ingest() {
        return ingest;
    }

    public SentimentSettings sentiment() {
        return sentiment;
    }

    public LanguageSettings language() {
        return language;
    }

    public QualitySettings quality() {
        return quality;
    }

    public ComparisonSettings comparison() {
        return comparison;
    }

    public ReportSettings report() {
        return report;
    }

    public CatalogSettings catalog() {
        return catalog;
    }

    public MaintenanceSettings maintenance() {
        return maintenance;
    }
}
