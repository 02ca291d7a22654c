package org.csat.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import org.ejml.simple.SimpleMatrix;

/**
 * Stanford CoreNLP's English sentiment model (the recursive neural tensor network trained on
 * the Stanford Sentiment Treebank), wrapped for Spark: one splitter and one scorer per JVM
 * and setting, built on first use inside a task, never serialized from the driver.
 * {@link #split} cuts a message into sentences (cheap: tokenizer and sentence splitter only);
 * {@link #score} parses one sentence and returns the model's five class probabilities,
 * very negative to very positive.
 */
public final class SentimentModel {
    /** A sentence of a message: its text and length in tokens. */
    public record Sentence(String text, int tokens) {
    }

    private static final ConcurrentHashMap<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

    private SentimentModel() {
    }

    private static StanfordCoreNLP splitter() {
        return PIPELINES.computeIfAbsent("split", key -> {
            Properties props = new Properties();
            props.setProperty("annotators", "tokenize,ssplit");
            props.setProperty("tokenize.language", "en");
            return new StanfordCoreNLP(props);
        });
    }

    private static StanfordCoreNLP scorer(String parseModel, int maxTokens) {
        return PIPELINES.computeIfAbsent("score|" + parseModel + "|" + maxTokens, key -> {
            Properties props = new Properties();
            props.setProperty("annotators", "tokenize,ssplit,parse,sentiment");
            props.setProperty("tokenize.language", "en");
            props.setProperty("ssplit.isOneSentence", "true");
            props.setProperty("parse.model", parseModel);
            props.setProperty("parse.binaryTrees", "true");
            props.setProperty("parse.maxlen", Integer.toString(maxTokens));
            return new StanfordCoreNLP(props);
        });
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
            out.add(new Sentence(text.substring(begin, end), tokens.size()));
        }
        return out;
    }

    /**
     * Class probabilities of one sentence, index 0 = very negative .. 4 = very positive,
     * or null when it has more than {@code maxTokens} tokens or the parser gives no tree.
     * (Past {@code parse.maxlen} CoreNLP does not fail: it scores a flat fallback tree, a
     * near-neutral guess, so the cap is enforced here.)
     */
    public static double[] score(String sentence, String parseModel, int maxTokens) {
        Annotation doc = new Annotation(sentence);
        scorer(parseModel, maxTokens).annotate(doc);
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences == null || sentences.isEmpty()) {
            return null;
        }
        if (sentences.get(0).get(CoreAnnotations.TokensAnnotation.class).size() > maxTokens) {
            return null;
        }
        Tree tree = sentences.get(0).get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
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
