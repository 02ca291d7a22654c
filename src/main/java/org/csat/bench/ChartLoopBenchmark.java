package org.csat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.lexparser.ExhaustivePCFGParser;
import edu.stanford.nlp.parser.lexparser.LexicalizedParser;
import edu.stanford.nlp.parser.lexparser.SparseChartLexicalizedParser;
import edu.stanford.nlp.trees.Tree;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.csat.config.PipelineConfig;
import org.csat.nlp.SentimentModel;

/**
 * CoreNLP's chart loop against the pipeline's sparse one ({@code SparseChartPCFGParser}) on
 * the same sentences, in one JVM and one thread, alternating round by round so that both see
 * the same machine speed: {@code bench/chart-loop}. Sentences are the distinct token sequences
 * of the messages of a transcript directory (JSON lines, as {@code bench/run} writes), in file
 * order, within a token range. Before timing, every sentence's best tree and score from both
 * loops are compared; the last line is {@code differing=N ratio_min=.. ratio_max=..}.
 *
 * <p>Usage: {@code ChartLoopBenchmark DIR [sentences] [minTokens] [maxTokens] [rounds]}
 * (defaults 200, 1, 40, 3).
 */
public final class ChartLoopBenchmark {
    private ChartLoopBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "usage: ChartLoopBenchmark DIR [sentences] [minTokens] [maxTokens] [rounds]");
        }
        Path input = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int minTokens = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int maxTokens = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        List<List<String>> sentences = sentences(input, limit, minTokens, maxTokens);
        int tokens = sentences.stream().mapToInt(List::size).sum();
        List<List<CoreLabel>> inputs =
                sentences.stream().map(SparseChartLexicalizedParser::chartInput).toList();
        LexicalizedParser parser = LexicalizedParser.loadModel(
                PipelineConfig.defaults().sentiment().parseModel());
        ExhaustivePCFGParser coreNlp = SparseChartLexicalizedParser.chartParser(parser, false);
        ExhaustivePCFGParser sparse = SparseChartLexicalizedParser.chartParser(parser, true);
        System.out.printf(
                "# %d distinct sentences of %d-%d tokens (%d tokens) from %s, one thread%n",
                sentences.size(), minTokens, maxTokens, tokens, input);

        int differing = 0;
        for (List<CoreLabel> words : inputs) {
            if (!sameParse(coreNlp, sparse, words)) {
                differing++;
            }
        }
        System.out.printf("%-6s %10s %10s %6s%n", "round", "corenlp_s", "sparse_s", "ratio");
        double minRatio = Double.MAX_VALUE;
        double maxRatio = 0;
        for (int round = 0; round < rounds; round++) {
            double coreNlpSeconds = parseAll(coreNlp, inputs);
            double sparseSeconds = parseAll(sparse, inputs);
            double ratio = coreNlpSeconds / sparseSeconds;
            minRatio = Math.min(minRatio, ratio);
            maxRatio = Math.max(maxRatio, ratio);
            System.out.printf("%-6d %10.1f %10.1f %6.2f%n", round, coreNlpSeconds, sparseSeconds, ratio);
        }
        System.out.printf(
                "differing=%d ratio_min=%.2f ratio_max=%.2f sentences=%d%n",
                differing, minRatio, maxRatio, sentences.size());
        if (differing > 0) {
            System.exit(1);
        }
    }

    private static boolean sameParse(ExhaustivePCFGParser coreNlp, ExhaustivePCFGParser sparse, List<CoreLabel> words) {
        boolean parsed = coreNlp.parse(words);
        Tree tree = coreNlp.getBestParse();
        double score = coreNlp.getBestScore();
        return sparse.parse(words) == parsed
                && String.valueOf(tree).equals(String.valueOf(sparse.getBestParse()))
                && Double.doubleToLongBits(score) == Double.doubleToLongBits(sparse.getBestScore());
    }

    private static double parseAll(ExhaustivePCFGParser chart, List<List<CoreLabel>> inputs) {
        long start = System.nanoTime();
        for (List<CoreLabel> words : inputs) {
            chart.parse(words);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<List<String>> sentences(Path input, int limit, int minTokens, int maxTokens)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<List<String>> distinct = new LinkedHashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(input)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".jsonl"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null && distinct.size() < limit) {
                    if (line.isBlank()) {
                        continue;
                    }
                    for (JsonNode message : json.readTree(line).path("messages")) {
                        String text = message.path("text").asText("");
                        for (SentimentModel.Sentence sentence : SentimentModel.split(text)) {
                            if (sentence.tokens() >= minTokens
                                    && sentence.tokens() <= maxTokens
                                    && distinct.size() < limit) {
                                distinct.add(sentence.words());
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(distinct);
    }
}
