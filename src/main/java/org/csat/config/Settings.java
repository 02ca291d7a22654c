package org.csat.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every declared setting, in the sections of {@code conf/csat.properties}, and that file's text
 * rendered from the declarations ({@link #render}): the file is generated, never edited by hand,
 * and a test fails when it no longer matches the declarations.
 */
public final class Settings {
    /** One section of the properties file: a heading and the settings of one stage. */
    record Section(String heading, List<Setting<?>> settings) {}

    static final List<Section> SECTIONS = List.of(
            new Section("Spark (bin/csat's embedded runs)", SparkSettings.DECLARED),
            new Section("Ingest: transcripts -> bronze_conversations, quarantine", IngestSettings.DECLARED),
            new Section(
                    "Sentiment: CoreNLP per message -> silver_messages (docs/performance.md)",
                    SentimentSettings.DECLARED),
            new Section("Languages of conversations and messages (Lingua; docs/quality.md)", LanguageSettings.DECLARED),
            new Section("Quality: resolution, repeat contact, effort (docs/quality.md)", QualitySettings.DECLARED),
            new Section("Quality: the resolution model (resolved)", ResolutionModelSettings.DECLARED),
            new Section("Quality: the predicted_csat model", CsatModelSettings.DECLARED),
            new Section("Quality: topic clusters", TopicSettings.DECLARED),
            new Section(
                    "Cohort comparison: gold_cohort_comparison, gold_quality_drop, gold_topic_quality, and the"
                            + " first two per language (docs/comparison.md)",
                    ComparisonSettings.DECLARED),
            new Section("Report: the analysts' HTML page (bin/csat report)", ReportSettings.DECLARED),
            new Section("Catalog: the tables by name", CatalogSettings.DECLARED),
            new Section("Maintenance: bin/csat maintain (OPTIMIZE, VACUUM)", MaintenanceSettings.DECLARED));

    private static final int WIDTH = 100;

    private Settings() {}

    /** Every declared setting by key, in file order. */
    static Map<String, Setting<?>> byKey() {
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        for (Section section : SECTIONS) {
            for (Setting<?> setting : section.settings()) {
                if (byKey.put(setting.key(), setting) != null) {
                    throw new IllegalStateException("setting " + setting.key() + " is declared twice");
                }
            }
        }
        return byKey;
    }

    /**
     * The properties text of every setting with its documentation: the defaults when
     * {@code config} is null, else the values {@code config} holds.
     */
    public static String render(PipelineConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("# Pipeline settings, every one with its default. Generated from the declarations in\n")
                .append("# src/main/java/org/csat/config/*Settings.java (`bin/csat settings` prints it);\n")
                .append("# override with `--conf FILE` (a properties file with only the keys you change)\n")
                .append("# or `--set key=value;key=value`. Unknown keys and bad values are errors.\n");
        for (Section section : SECTIONS) {
            out.append("\n# --- ").append(section.heading()).append(" ---\n");
            for (Setting<?> setting : section.settings()) {
                for (String line : wrap(setting.doc())) {
                    out.append("# ").append(line).append('\n');
                }
                String value = config == null ? setting.defaultText() : config.text(setting);
                out.append(setting.key()).append('=').append(value).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> wrap(String doc) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : doc.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH - 2) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
