package org.csat.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.nlp.SentimentModel;
import org.csat.nlp.SentimentScale;

/**
 * The naive baseline the pipeline is measured against: a Spark UDF that runs one full
 * CoreNLP pipeline ({@code tokenize,ssplit,parse,sentiment}, stock settings, as
 * databricks/spark-corenlp does) on every message row, with no memo across rows. Same parser
 * model and sentence token cap as the pipeline ({@code sentiment.parse_model},
 * {@code sentiment.max_sentence_tokens}), and the same message score: the token-weighted
 * mean of the sentences' class probabilities ({@link SentimentScale}). One CoreNLP pipeline
 * per JVM, built on first use. Returns {@code struct<sentiment double, sentiment_label string>}.
 */
public final class NaiveSentimentUdf implements UDF1<String, Row> {
    private static final long serialVersionUID = 1L;
    public static final StructType RESULT = new StructType()
            .add("sentiment", DataTypes.DoubleType, true)
            .add("sentiment_label", DataTypes.StringType, true);
    private static final ConcurrentHashMap<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

    private final String parseModel;
    private final int maxTokens;

    public NaiveSentimentUdf(String parseModel, int maxTokens) {
        this.parseModel = parseModel;
        this.maxTokens = maxTokens;
    }

    private StanfordCoreNLP pipeline() {
        return PIPELINES.computeIfAbsent(parseModel + "|" + maxTokens, key -> {
            Properties props = SentimentModel.parserProperties(parseModel, maxTokens);
            // The shift-reduce parser reads POS tags; the PCFG parser tags itself (and would use given tags).
            boolean tagged = parseModel.contains("/srparser/");
            props.setProperty(
                    "annotators", tagged ? "tokenize,ssplit,pos,parse,sentiment" : "tokenize,ssplit,parse,sentiment");
            return new StanfordCoreNLP(props);
        });
    }

    @Override
    public Row call(String text) {
        if (text == null) {
            return RowFactory.create(null, null);
        }
        Annotation doc = new Annotation(text);
        pipeline().annotate(doc);
        List<SentimentScale.ScoredSentence> sentences = new ArrayList<>();
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            int tokens = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
            if (tokens == 0) {
                continue;
            }
            sentences.add(new SentimentScale.ScoredSentence(
                    tokens, tokens > maxTokens ? null : SentimentModel.probabilities(sentence)));
        }
        double[] mean = SentimentScale.messageProbabilities(sentences);
        return mean == null
                ? RowFactory.create(null, null)
                : RowFactory.create(SentimentScale.score(mean), SentimentScale.label(mean));
    }
}
