package org.csat.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csat.config.PhraseLists;
import org.csat.config.PipelineConfig;

/**
 * Do the signals fire on a chat sentence in its original language exactly when they fire on its
 * English translation? MAIA pairs every sentence of its German, French and Brazilian Portuguese
 * support chats with an English translation; per language and signal this counts the sentences
 * where the phrase list fires on both sides, on the original only and on the English only, over
 * customer sentences (agent sentences for {@code closing_offer}). Agreement is both / (both +
 * either alone): 1 when the two sides always agree, on the sentences where either fires.
 * Translations are free, so it is a floor of the lists' agreement, not their accuracy. Usage:
 * {@code EvaluateSignalAgreement MAIA_DIR [SPLIT,SPLIT...]} (default {@code dev,test}: the
 * German, French and Portuguese lists were written on the train split).
 */
public final class EvaluateSignalAgreement {
    /** The signals evaluated, customer side unless said otherwise. */
    static final List<String> SIGNALS =
            List.of("asked_for_human", "resolution_confirmed", "unresolved", "frustration", "gratitude", "goodbye");

    private static final Pattern FILE = Pattern.compile("MAIA-([a-z_]+)-en-([a-z]+)_sentence\\.json");
    private static final Pattern LABEL = Pattern.compile("^[^:]{1,20}:\\s*(.*)$", Pattern.DOTALL);

    /** One language and signal: sentences firing on both sides, on the original only, on the English only. */
    record Agreement(String language, String signal, int both, int onlyOriginal, int onlyEnglish) {
        int either() {
            return both + onlyOriginal + onlyEnglish;
        }

        /** both / either; NaN when it never fires. */
        double agreement() {
            return either() == 0 ? Double.NaN : both / (double) either();
        }
    }

    private EvaluateSignalAgreement() {}

    public static void main(String[] args) throws IOException {
        List<String> splits = Arrays.asList((args.length > 1 ? args[1] : "dev,test").split(","));
        System.out.println(markdown(
                evaluate(Path.of(args[0]), splits, PipelineConfig.defaults().phrases())));
    }

    /** Agreements per corpus language (de, fr, pt) and signal, over the files of the given splits. */
    static List<Agreement> evaluate(Path maiaDir, List<String> splits, PhraseLists phrases) throws IOException {
        File[] files = maiaDir.toFile().listFiles((dir, name) -> {
            Matcher m = FILE.matcher(name);
            return m.matches() && splits.contains(m.group(2));
        });
        if (files == null || files.length == 0) {
            throw new IOException("no MAIA-*-en-{" + String.join(",", splits) + "}_sentence.json under " + maiaDir);
        }
        Arrays.sort(files);
        Map<String, int[]> counts = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (File file : files) {
            Matcher name = FILE.matcher(file.getName());
            name.matches();
            String field = name.group(1);
            String language = field.split("_")[0];
            for (JsonNode sentence : json.readTree(file)) {
                String english = sentence.path("en").asText("");
                boolean customer = english.startsWith("Customer:");
                if (!customer && !english.startsWith("Agent:")) {
                    continue;
                }
                String original = unlabelled(sentence.path(field).asText(""));
                for (String signal : SIGNALS) {
                    if (customer) {
                        boolean there = phrases.matches(signal, language, original);
                        boolean here = phrases.matches(signal, "en", unlabelled(english));
                        int[] c = counts.computeIfAbsent(language + "/" + signal, k -> new int[3]);
                        c[0] += there && here ? 1 : 0;
                        c[1] += there && !here ? 1 : 0;
                        c[2] += here && !there ? 1 : 0;
                    }
                }
            }
        }
        List<Agreement> agreements = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("/");
            agreements.add(new Agreement(parts[0], parts[1], c[0], c[1], c[2]));
        });
        return agreements;
    }

    private static String unlabelled(String sentence) {
        Matcher m = LABEL.matcher(sentence);
        return m.matches() ? m.group(1) : sentence;
    }

    /** A Markdown table: one row per signal, for each language its agreement and both / either counts. */
    static String markdown(List<Agreement> agreements) {
        List<String> languages =
                agreements.stream().map(Agreement::language).distinct().toList();
        StringBuilder out = new StringBuilder("| signal |");
        languages.forEach(l -> out.append(' ').append(l).append(" |"));
        out.append("\n|---|");
        languages.forEach(l -> out.append("---|"));
        for (String signal : SIGNALS) {
            out.append("\n| ").append(signal).append(" |");
            for (String language : languages) {
                agreements.stream()
                        .filter(a -> a.language().equals(language) && a.signal().equals(signal))
                        .findFirst()
                        .ifPresent(a -> out.append(String.format(
                                Locale.ROOT,
                                " %s (%d of %d; orig. only %d, English only %d) |",
                                a.either() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a.agreement()),
                                a.both(),
                                a.either(),
                                a.onlyOriginal(),
                                a.onlyEnglish())));
            }
        }
        return out.toString();
    }
}
