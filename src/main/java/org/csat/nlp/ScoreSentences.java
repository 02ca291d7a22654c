package org.csat.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.config.PipelineConfig;
import org.csat.tables.RowValues;

/**
 * Scores the sentiment of distinct message texts, each sentence once per batch. The texts
 * are split into sentences (cheap), the distinct sentences are spread over
 * {@code scoringPartitions} tasks and parsed by CoreNLP (the expensive part: bot templates,
 * greetings and "thanks" are scored once, not once per message), and each text's score is the
 * token-weighted average of its sentences' class probabilities ({@link SentimentScale}).
 * Sentences longer than {@code sentiment.max_sentence_tokens} are not parsed.
 * In: a column {@code text}. Out: {@code text, sentiment, sentiment_label, sentences, sentences_scored}.
 */
public final class ScoreSentences {
    private static final StructType SENTENCES = new StructType()
            .add("text", DataTypes.StringType, false)
            .add("sentence", DataTypes.StringType, false)
            .add("tokens", DataTypes.IntegerType, false);
    private static final StructType SCORED = new StructType()
            .add("sentence", DataTypes.StringType, false)
            .add("tokens", DataTypes.IntegerType, false)
            .add("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), true);

    private final String parseModel;
    private final int maxTokens;
    private final int scoringPartitions;

    public ScoreSentences(PipelineConfig config, int scoringPartitions) {
        this.parseModel = config.parseModel();
        this.maxTokens = config.maxSentenceTokens();
        this.scoringPartitions = Math.max(1, scoringPartitions);
    }

    public Dataset<Row> apply(Dataset<Row> texts) {
        Dataset<Row> sentences = texts.select("text").where(col("text").isNotNull()).distinct()
                .flatMap((FlatMapFunction<Row, Row>) row -> {
                    String text = row.getString(0);
                    List<Row> out = new ArrayList<>();
                    for (SentimentModel.Sentence s : SentimentModel.split(text)) {
                        out.add(RowFactory.create(text, s.text(), s.tokens()));
                    }
                    return out.iterator();
                }, Encoders.row(SENTENCES));

        String model = parseModel;
        int max = maxTokens;
        Dataset<Row> scored = sentences.select("sentence", "tokens")
                .repartition(scoringPartitions, col("sentence"))
                .distinct()
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> scorePartition(rows, model, max),
                        Encoders.row(SCORED));

        Column scoredTokens = when(col("probabilities").isNotNull(), col("tokens")).otherwise(0);
        List<Column> aggregates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            aggregates.add(sum(element_at(col("probabilities"), i + 1).multiply(col("tokens"))).as("w" + i));
        }
        aggregates.add(sum(scoredTokens).as("scored_tokens"));
        aggregates.add(count(col("probabilities")).cast("int").as("sentences_scored"));
        Dataset<Row> perText = sentences.join(scored, new String[] {"sentence", "tokens"}, "left")
                .groupBy("text")
                .agg(count(lit(1)).cast("int").as("sentences"), aggregates.toArray(new Column[0]));

        Column[] p = new Column[5];
        for (int i = 0; i < 5; i++) {
            p[i] = col("w" + i).divide(col("scored_tokens"));
        }
        Column hasScore = col("scored_tokens").gt(0);
        Column sentiment = p[0].multiply(-1.0).plus(p[1].multiply(-0.5)).plus(p[3].multiply(0.5)).plus(p[4]);
        Column best = greatest(p);
        Column label = when(p[0].equalTo(best), SentimentScale.LABELS[0])
                .when(p[1].equalTo(best), SentimentScale.LABELS[1])
                .when(p[2].equalTo(best), SentimentScale.LABELS[2])
                .when(p[3].equalTo(best), SentimentScale.LABELS[3])
                .otherwise(SentimentScale.LABELS[4]);
        return perText.select(col("text"),
                when(hasScore, sentiment).as("sentiment"),
                when(hasScore, label).as("sentiment_label"),
                col("sentences"),
                col("sentences_scored"));
    }

    private static Iterator<Row> scorePartition(Iterator<Row> rows, String parseModel, int maxTokens) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                String sentence = row.getString(0);
                int tokens = row.getInt(1);
                double[] probabilities = tokens > maxTokens ? null : SentimentModel.score(sentence, parseModel, maxTokens);
                return RowFactory.create(sentence, tokens, probabilities == null ? null : RowValues.seq(toList(probabilities)));
            }
        };
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
