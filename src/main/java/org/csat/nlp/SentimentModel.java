package org.csat.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.parser.lexparser.LexicalizedParser;
import edu.stanford.nlp.parser.lexparser.SparseChartLexicalizedParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import edu.stanford.nlp.pipeline.ParserAnnotator;
import edu.stanford.nlp.pipeline.SentimentAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.simple.SimpleMatrix;

/**
 * Stanford CoreNLP's English sentiment model (the recursive neural tensor network trained on
 * the Stanford Sentiment Treebank), wrapped for Spark: one splitter and one scorer per JVM
 * and setting, built on first use inside a task, never serialized from the driver.
 * {@link #split} cuts a message into sentences and tokens (tokenizer and sentence splitter
 * only, cheap); {@link #score} parses one sentence given as those tokens and returns the
 * model's five class probabilities, very negative to very positive. Scoring the tokens the
 * splitter produced, rather than re-tokenizing the sentence's text, gives exactly what the
 * whole message run through {@code tokenize,ssplit,parse,sentiment} gives for that sentence.
 * The parser is the one of {@code sentiment.parse_model} (a POS tagger is added when the
 * parser needs tags, as the shift-reduce parser does); it builds no dependency graphs
 * ({@code parse.buildgraphs=false}), which the sentiment model never reads. A PCFG parser
 * fills its chart with {@link SparseChartLexicalizedParser}'s loop: the same trees and
 * scores as CoreNLP's, to the bit, in less time; the one-call-per-message baseline
 * ({@code NaiveSentimentUdf}) keeps CoreNLP's own loop, so the benchmark checks it.
 */
public final class SentimentModel {
    /** A sentence of a message: its text and its tokens, as the parser sees them. */
    public record Sentence(String text, List<String> words) {
        public int tokens() {
            return words.size();
        }
    }

    /** Parser (and tagger, if needed) and sentiment annotators for pre-tokenized sentences. */
    private record Scorer(List<Annotator> annotators, ParseKeys keys, boolean sparseChart) {
        void annotate(Annotation doc) {
            for (Annotator annotator : annotators) {
                annotator.annotate(doc);
            }
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SentimentModel.class);
    private static final ConcurrentHashMap<String, StanfordCoreNLP> SPLITTERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Scorer> SCORERS = new ConcurrentHashMap<>();

    private SentimentModel() {}

    private static StanfordCoreNLP splitter() {
        return SPLITTERS.computeIfAbsent("split", key -> {
            Properties props = new Properties();
            props.setProperty("annotators", "tokenize,ssplit");
            props.setProperty("tokenize.language", "en");
            return new StanfordCoreNLP(props);
        });
    }

    /** The CoreNLP settings shared by the scorer and the one-call-per-message baseline. */
    public static Properties parserProperties(String parseModel, int maxTokens) {
        Properties props = new Properties();
        props.setProperty("tokenize.language", "en");
        props.setProperty("parse.model", parseModel);
        props.setProperty("parse.binaryTrees", "true");
        props.setProperty("parse.maxlen", Integer.toString(maxTokens));
        return props;
    }

    private static Scorer scorer(String parseModel, int maxTokens) {
        return SCORERS.computeIfAbsent(parseModel + "|" + maxTokens, key -> {
            Properties props = parserProperties(parseModel, maxTokens);
            props.setProperty("parse.buildgraphs", "false");
            ParserAnnotator parser = new ParserAnnotator("parse", props);
            boolean sparseChart = useSparseChart(parser);
            LOG.info("Sentiment parser {}: {} chart loop", parseModel, sparseChart ? "sparse (exact)" : "CoreNLP's");
            List<Annotator> annotators = new ArrayList<>();
            if (parser.requires().contains(CoreAnnotations.PartOfSpeechAnnotation.class)) {
                annotators.add(new POSTaggerAnnotator("pos", props));
            }
            annotators.add(parser);
            SentimentAnnotator sentiment = new SentimentAnnotator("sentiment", props);
            annotators.add(sentiment);
            return new Scorer(List.copyOf(annotators), ParseKeys.of(parser, sentiment), sparseChart);
        });
    }

    /**
     * Replaces the annotator's lexicalized parser by one filling charts with the sparse loop,
     * where {@link SparseChartLexicalizedParser#of} finds it exact; true if it did. The
     * annotator keeps its parser in a private final field, set once in its constructor.
     */
    private static boolean useSparseChart(ParserAnnotator annotator) {
        try {
            Field field = ParserAnnotator.class.getDeclaredField("parser");
            field.setAccessible(true);
            if (!(field.get(annotator) instanceof LexicalizedParser parser)) {
                return false;
            }
            LexicalizedParser sparse = SparseChartLexicalizedParser.of(parser);
            if (sparse == parser) {
                return false;
            }
            field.set(annotator, sparse);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Sentiment parser keeps CoreNLP's chart loop: cannot replace it ({})", e.toString());
            return false;
        }
    }

    /** The sentences of {@code text}, as CoreNLP's English tokenizer and splitter see them. */
    public static List<Sentence> split(String text) {
        Annotation doc = new Annotation(text);
        splitter().annotate(doc);
        List<Sentence> out = new ArrayList<>();
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.isEmpty()) {
                continue;
            }
            int begin = tokens.get(0).beginPosition();
            int end = tokens.get(tokens.size() - 1).endPosition();
            List<String> words = new ArrayList<>(tokens.size());
            for (CoreLabel token : tokens) {
                words.add(token.word());
            }
            out.add(new Sentence(text.substring(begin, end), List.copyOf(words)));
        }
        return out;
    }

    /**
     * The memo key of a sentence given as its tokens: sentences with equal keys have the same
     * {@link #score}, to the bit ({@link ParseKeys}: tokens the parser has never seen are
     * replaced by what the models read of them). A sentence that is not parsed (empty, or over
     * {@code maxTokens}) is its own key.
     */
    public static List<String> parseKey(List<String> words, String parseModel, int maxTokens) {
        if (words.isEmpty() || words.size() > maxTokens) {
            return words;
        }
        return scorer(parseModel, maxTokens).keys().key(words);
    }

    /** Whether the scorer parses with the sparse chart loop (same results, less time), for this parser. */
    public static boolean usesSparseChart(String parseModel, int maxTokens) {
        return scorer(parseModel, maxTokens).sparseChart();
    }

    /** Whether {@link #parseKey} merges sentences that differ in unseen words, for this parser. */
    public static boolean mergesUnknownWords(String parseModel, int maxTokens) {
        return scorer(parseModel, maxTokens).keys().mergesUnknownWords();
    }

    /**
     * Class probabilities of one sentence given as its tokens, index 0 = very negative ..
     * 4 = very positive, or null when it has no token or more than {@code maxTokens}.
     * (Past {@code parse.maxlen} CoreNLP does not fail: it scores a flat fallback tree, a
     * near-neutral guess, so the cap is enforced here.)
     */
    public static double[] score(List<String> words, String parseModel, int maxTokens) {
        if (words.isEmpty() || words.size() > maxTokens) {
            return null;
        }
        Map<String, double[]> memo = remembered;
        if (memo == null) {
            return parse(words, parseModel, maxTokens);
        }
        String key = parseModel + '\u0000' + maxTokens + '\u0000' + String.join("\u0001", words);
        synchronized (memo) {
            if (memo.containsKey(key)) {
                double[] known = memo.get(key);
                return known == null ? null : known.clone();
            }
        }
        double[] probabilities = parse(words, parseModel, maxTokens);
        synchronized (memo) {
            memo.put(key, probabilities == null ? null : probabilities.clone());
        }
        return probabilities;
    }

    /**
     * Keeps up to {@code sentences} sentence scores in this JVM (least recently used dropped
     * first) for the runs that follow, or, with 0, stops keeping them. For evaluations that run
     * the whole job several times over the same texts in one local JVM ({@code evaluate --stc3}
     * runs it once per fold): a sentence's score depends only on its tokens and the settings in
     * the key, so every run after the first reads the same scores without parsing again. Off by
     * default: a nightly run already parses each distinct sentence once, and a benchmark must
     * measure the parse.
     */
    public static void rememberScores(int sentences) {
        if (sentences < 0) {
            throw new IllegalArgumentException("sentences must be >= 0, got " + sentences);
        }
        remembered = sentences == 0
                ? null
                : new LinkedHashMap<>(1024, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                        return size() > sentences;
                    }
                };
    }

    private static volatile Map<String, double[]> remembered;

    private static double[] parse(List<String> words, String parseModel, int maxTokens) {
        List<CoreLabel> tokens = new ArrayList<>(words.size());
        for (String word : words) {
            CoreLabel token = new CoreLabel();
            token.setWord(word);
            token.setValue(word);
            token.setOriginalText(word);
            token.setIndex(tokens.size() + 1);
            token.setSentIndex(0);
            tokens.add(token);
        }
        String text = String.join(" ", words);
        CoreMap sentence = new ArrayCoreMap();
        sentence.set(CoreAnnotations.TextAnnotation.class, text);
        sentence.set(CoreAnnotations.TokensAnnotation.class, tokens);
        sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, 0);
        Annotation doc = new Annotation(text);
        doc.set(CoreAnnotations.TokensAnnotation.class, tokens);
        doc.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        scorer(parseModel, maxTokens).annotate(doc);
        return probabilities(sentence);
    }

    /** The five class probabilities of a sentence annotated by the sentiment annotator, or null. */
    public static double[] probabilities(CoreMap sentence) {
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        if (tree == null) {
            return null;
        }
        SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
        if (predictions == null) {
            return null;
        }
        double[] probabilities = new double[5];
        for (int i = 0; i < 5; i++) {
            probabilities[i] = predictions.get(i);
        }
        return probabilities;
    }
}
