package org.csat.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.config.PipelineConfig;
import org.csat.tables.RowValues;
import scala.Tuple2;

/**
 * Scores the sentiment of distinct message texts, each distinct sentence once per batch.
 * The texts are split into sentences and tokens (cheap); the distinct token sequences are
 * dealt over {@code scoringPartitions} tasks length by length, for equal work per task, and
 * parsed by CoreNLP, one lazily built model per executor JVM (the expensive part: bot
 * templates, greetings and "thanks" are parsed once, not once per message); each text's
 * score is the token-weighted average of its sentences' class probabilities, in sentence
 * order ({@link SentimentScale}). The memo key is the token sequence the parser reads, with
 * tokens the models have never seen reduced to what the models read of them
 * ({@link SentimentModel#parseKey}), so a sentence scores as it would inside its own message
 * and "order 48213" costs no second parse after "order 77310".
 * Sentences longer than {@code sentiment.max_sentence_tokens} are not parsed
 * and do not count. In: a column {@code text}.
 * Out: {@code text, sentiment, sentiment_label, sentences, sentences_scored}.
 */
final class ScoreSentences {
    private static final StructType SENTENCES = new StructType()
            .add("text", DataTypes.StringType, false)
            .add("position", DataTypes.IntegerType, false)
            .add("words", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("key", DataTypes.createArrayType(DataTypes.StringType, false), false);
    private static final StructType SCORED = new StructType()
            .add("key", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), true);
    public static final StructType TEXT_SCORES = new StructType()
            .add("text", DataTypes.StringType, false)
            .add("sentiment", DataTypes.DoubleType, true)
            .add("sentiment_label", DataTypes.StringType, true)
            .add("sentences", DataTypes.IntegerType, false)
            .add("sentences_scored", DataTypes.IntegerType, false);

    private final String parseModel;
    private final int maxTokens;
    private final int scoringPartitions;

    public ScoreSentences(PipelineConfig config, int scoringPartitions) {
        this.parseModel = config.sentiment().parseModel();
        this.maxTokens = config.sentiment().maxSentenceTokens();
        this.scoringPartitions = Math.max(1, scoringPartitions);
    }

    public Dataset<Row> apply(Dataset<Row> texts) {
        String model = parseModel;
        int max = maxTokens;
        Dataset<Row> sentences = texts.select("text")
                .where(col("text").isNotNull())
                .distinct()
                .flatMap(
                        (FlatMapFunction<Row, Row>) row -> {
                            String text = row.getString(0);
                            List<Row> out = new ArrayList<>();
                            for (SentimentModel.Sentence s : SentimentModel.split(text)) {
                                out.add(RowFactory.create(
                                        text,
                                        out.size(),
                                        RowValues.seq(s.words()),
                                        RowValues.seq(SentimentModel.parseKey(s.words(), model, max))));
                            }
                            return out.iterator();
                        },
                        Encoders.row(SENTENCES));

        // One parse per key; of the sentences sharing it, the least token sequence is parsed
        // (any would give the same scores; this one does so on every run). The distinct
        // sentences of each length are dealt round-robin over the scoring tasks, so that every
        // task gets about the same parsing work: PCFG time grows about cubically with length,
        // and a few long sentences hashed into one task would leave other cores idle.
        Dataset<Row> distinct = sentences
                .select("key", "words")
                .groupBy("key")
                .agg(min("words").as("words"))
                .withColumn(
                        "rank",
                        row_number().over(Window.partitionBy(size(col("words"))).orderBy(col("key"))));
        int partitions = scoringPartitions;
        JavaRDD<Row> scoredRows = distinct.toJavaRDD()
                .mapToPair((PairFunction<Row, Integer, Row>)
                        row -> new Tuple2<>(task(row.getList(1).size(), row.getInt(2) - 1, partitions), row))
                .partitionBy(new HashPartitioner(partitions))
                .values()
                .mapPartitions((FlatMapFunction<Iterator<Row>, Row>) rows -> scorePartition(mixed(rows), model, max));
        Dataset<Row> scored = texts.sparkSession().createDataFrame(scoredRows, SCORED);

        return sentences
                .join(scored, "key")
                .select("text", "position", "words", "probabilities")
                .groupByKey((MapFunction<Row, String>) row -> row.getString(0), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) ScoreSentences::scoreText, Encoders.row(TEXT_SCORES));
    }

    /**
     * The task of the {@code index}-th (from 0) distinct sentence of {@code length} tokens:
     * round-robin within a length, each length starting one task further on, so every task
     * gets its share of every length, within one sentence.
     */
    static int task(int length, int index, int tasks) {
        return (int) ((length + (long) index) % tasks);
    }

    /**
     * A task's sentences (key, words, rank) in an order that mixes long and short ones (by the
     * key's hash, the same on every run). They arrive grouped by length, and parsing them
     * longest first measured ~8% slower than in a random order (the same 150 MAIA sentences,
     * alternating runs in one JVM).
     */
    private static Iterator<Row> mixed(Iterator<Row> rows) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        all.sort(Comparator.comparingInt(row -> row.getList(0).hashCode()));
        return all.iterator();
    }

    /** One text's score from its sentences' rows (text, position, words, probabilities), in any order. */
    private static Row scoreText(String text, Iterator<Row> rows) {
        List<Row> sentences = new ArrayList<>();
        rows.forEachRemaining(sentences::add);
        sentences.sort((a, b) -> Integer.compare(a.getInt(1), b.getInt(1)));
        List<SentimentScale.ScoredSentence> scored = new ArrayList<>(sentences.size());
        int scoredCount = 0;
        for (Row sentence : sentences) {
            double[] probabilities = null;
            if (!sentence.isNullAt(3)) {
                List<Double> values = sentence.getList(3);
                probabilities = new double[values.size()];
                for (int i = 0; i < probabilities.length; i++) {
                    probabilities[i] = values.get(i);
                }
                scoredCount++;
            }
            scored.add(new SentimentScale.ScoredSentence(sentence.getList(2).size(), probabilities));
        }
        double[] mean = SentimentScale.messageProbabilities(scored);
        return RowFactory.create(
                text,
                mean == null ? null : SentimentScale.score(mean),
                mean == null ? null : SentimentScale.label(mean),
                sentences.size(),
                scoredCount);
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
                List<String> words = row.getList(1);
                double[] probabilities = SentimentModel.score(words, parseModel, maxTokens);
                List<Double> values = null;
                if (probabilities != null) {
                    values = new ArrayList<>(5);
                    for (double p : probabilities) {
                        values.add(p);
                    }
                }
                return RowFactory.create(row.get(0), values == null ? null : RowValues.seq(values));
            }
        };
    }
}
