package org.csat.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csat.nlp.SentimentScale;

/**
 * The scores {@link EvaluateMessageSentiment} computed, as a tab-separated file: one line per
 * text with its set, gold class, rating, CoreNLP's class probabilities and each lexicon variant's
 * compound, then the text. Scoring takes CoreNLP many minutes; trying another labelling rule on
 * the same scores reads this file back in a minute ({@code csat evaluate --sentiment --scores}).
 */
final class SentimentScoresFile {
    private SentimentScoresFile() {}

    /** Writes the texts of every set, in the map's order, with the compounds of {@code variants}. */
    static void write(Path file, Map<String, List<EvaluateMessageSentiment.Scored>> sets, List<String> variants)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("set\tgold\trating\t" + String.join("\t", SentimentScale.LABELS) + "\t" + String.join("\t", variants)
                + "\ttext");
        sets.forEach((set, texts) -> {
            for (EvaluateMessageSentiment.Scored s : texts) {
                StringBuilder line = new StringBuilder(
                        set + "\t" + s.text().gold() + "\t" + s.text().rating());
                for (int i = 0; i < SentimentScale.LABELS.length; i++) {
                    line.append('\t').append(s.corenlp() == null ? "" : String.valueOf(s.corenlp()[i]));
                }
                for (String variant : variants) {
                    line.append('\t').append(s.lexicon().get(variant));
                }
                line.append('\t').append(s.text().text().replaceAll("\\s+", " "));
                lines.add(line.toString());
            }
        });
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Every set's texts, by set, in the file's order (what {@link #write} was given); fails when
     * the file's lexicon variants are not {@code variants} (written by another version, whose
     * compounds would be read under the wrong names).
     */
    static Map<String, List<EvaluateMessageSentiment.Scored>> read(Path file, List<String> variants)
            throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: score again (without --scores)");
        }
        List<String> header = List.of(lines.get(0).split("\t"));
        List<String> written = header.size() < 4 + SentimentScale.LABELS.length
                ? List.of()
                : header.subList(3 + SentimentScale.LABELS.length, header.size() - 1);
        if (!written.equals(variants)) {
            throw new IllegalArgumentException(file + " has the lexicon variants " + written + ", this version "
                    + variants + ": score again (without --scores)");
        }
        Map<String, List<EvaluateMessageSentiment.Scored>> sets = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            double[] corenlp = fields[3].isEmpty() ? null : new double[SentimentScale.LABELS.length];
            for (int i = 0; corenlp != null && i < corenlp.length; i++) {
                corenlp[i] = Double.parseDouble(fields[3 + i]);
            }
            Map<String, Double> lexicon = new LinkedHashMap<>();
            for (int i = 0; i < variants.size(); i++) {
                lexicon.put(variants.get(i), Double.parseDouble(fields[3 + SentimentScale.LABELS.length + i]));
            }
            sets.computeIfAbsent(fields[0], set -> new ArrayList<>())
                    .add(new EvaluateMessageSentiment.Scored(
                            new EvaluateMessageSentiment.Labelled(
                                    fields[fields.length - 1], fields[1], Double.parseDouble(fields[2])),
                            corenlp,
                            lexicon));
        }
        return sets;
    }
}
