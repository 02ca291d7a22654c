package org.csat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.csat.config.PipelineConfig;
import org.csat.nlp.SentimentModel;
import org.csat.nlp.SentimentScale;

/**
 * SST-2 accuracy and speed of the sentiment scoring as configured (the parser of
 * {@code sentiment.parse_model}, the token cap), to check that a parser choice does not
 * degrade sentiment. Reads a TSV {@code sentence<TAB>label} (1 positive, 0 negative; a
 * header line is skipped), scores each sentence the pipeline's way (split, score, token-
 * weighted mean) on one thread, and counts it correct when the positive classes' probability
 * (positive + very positive) is above the negative classes'. A sentence with no score
 * counts as wrong. Usage: {@code ParserAccuracy FILE [key=value;...]}.
 */
public final class ParserAccuracy {
    private ParserAccuracy() {}

    public static void main(String[] args) throws IOException {
        PipelineConfig config = SentimentBenchmark.config(args.length > 1 ? args[1] : null);
        String model = config.sentiment().parseModel();
        int cap = config.sentiment().maxSentenceTokens();
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        long loadStart = System.nanoTime();
        SentimentModel.score(List.of("warm", "up"), model, cap);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        int total = 0;
        int correct = 0;
        int unscored = 0;
        long start = System.nanoTime();
        for (String line : lines) {
            String[] fields = line.split("\t");
            if (fields.length < 2 || !fields[1].trim().matches("[01]")) {
                continue;
            }
            List<SentimentScale.ScoredSentence> sentences = new ArrayList<>();
            for (SentimentModel.Sentence s : SentimentModel.split(fields[0])) {
                sentences.add(
                        new SentimentScale.ScoredSentence(s.tokens(), SentimentModel.score(s.words(), model, cap)));
            }
            double[] p = SentimentScale.messageProbabilities(sentences);
            total++;
            if (p == null) {
                unscored++;
                continue;
            }
            boolean positive = p[3] + p[4] > p[0] + p[1];
            if (positive == fields[1].trim().equals("1")) {
                correct++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "parser=%s sentences=%d accuracy=%.4f unscored=%d ms_per_sentence=%.1f load_s=%.1f%n",
                model, total, (double) correct / total, unscored, 1000 * seconds / total, loadSeconds);
    }
}
