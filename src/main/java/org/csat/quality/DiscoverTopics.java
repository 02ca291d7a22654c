package org.csat.quality;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.csat.config.TopicSettings;
import org.csat.text.TextNormalizer;

/**
 * Topic discovery from what customers write: each conversation's document is the set of
 * normalized words of three or more letters, minus Spark's stop-word lists of the pipeline's
 * languages, of the customer's opening: their messages up to and including the first one of at
 * least four words (at most three messages), where the contact reason is stated; later turns
 * ("thanks", "still not working") say how it went, not what it was about. the model is MLlib k-means ({@code quality.topics.k} clusters,
 * seed {@code quality.topics.seed}) over L2-normalized TF-IDF vectors of a vocabulary of at
 * most {@code quality.topics.vocabulary_size} words found in at least
 * {@code quality.topics.min_doc_freq} documents. A cluster's top terms are the words with the
 * largest weight in its centre. Documents with no vocabulary word get no cluster. Mixed-language
 * traffic partly clusters by language, as the words differ.
 */
final class DiscoverTopics {
    private static final List<String> STOP_WORD_LANGUAGES =
            List.of("english", "german", "french", "spanish", "swedish", "portuguese", "dutch", "italian");

    /** A message of at least this many words states the contact reason; the opening ends with it. */
    private static final int OPENING_MIN_WORDS = 4;

    private static final int OPENING_MAX_MESSAGES = 3;

    private final TopicSettings settings;

    public DiscoverTopics(TopicSettings settings) {
        this.settings = settings;
    }

    /** A fitted topic model: the pipeline and its vocabulary. */
    public record Model(String version, PipelineModel pipeline, List<String> vocabulary) {
        static Model of(String version, PipelineModel pipeline) {
            CountVectorizerModel counts = (CountVectorizerModel) pipeline.stages()[0];
            return new Model(version, pipeline, List.of(counts.vocabulary()));
        }
    }

    /** conversation_id + {@code words}, from the customer messages of {@code conversations}. */
    public Dataset<Row> documents(Dataset<Row> conversations, Dataset<Row> messages) {
        Column normalized = udf(new NormalizeTextUdf(), DataTypes.StringType).apply(col("text"));
        Column tokens = filter(split(col("normalized"), " "), w -> w.notEqual(""));
        Column words = filter(tokens, w -> length(w).geq(3).and(w.rlike("^\\p{L}+$")));
        Column stopWords = lit(stopWords().toArray(new String[0]));
        WindowSpec ordered = Window.partitionBy("conversation_id").orderBy("seq");
        Column substantive = when(size(tokens).geq(OPENING_MIN_WORDS), 1).otherwise(0);
        return messages.where(col("role").equalTo("customer"))
                .join(conversations.select("conversation_id"), new String[] {"conversation_id"}, "left_semi")
                .withColumn("normalized", normalized)
                .withColumn(
                        "substantive_before",
                        coalesce(sum(substantive).over(ordered.rowsBetween(Window.unboundedPreceding(), -1)), lit(0)))
                .withColumn("position", row_number().over(ordered))
                .where(col("substantive_before").equalTo(0).and(col("position").leq(OPENING_MAX_MESSAGES)))
                .groupBy("conversation_id")
                // sorted: collect_list's order is the order rows arrive in, which differs between runs
                .agg(array_sort(array_distinct(flatten(collect_list(words)))).as("all_words"))
                .select(
                        col("conversation_id"),
                        array_except(col("all_words"), stopWords).as("words"));
    }

    private static Set<String> stopWords() {
        Set<String> words = new TreeSet<>();
        for (String language : STOP_WORD_LANGUAGES) {
            for (String word : StopWordsRemover.loadDefaultStopWords(language)) {
                words.add(TextNormalizer.normalize(word));
            }
        }
        return words;
    }

    /** Fits the model on {@code documents} (sorted first, so the same data gives the same clusters). */
    public PipelineModel fit(Dataset<Row> documents) {
        int k = settings.k();
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new CountVectorizer()
                    .setInputCol("words")
                    .setOutputCol("tf")
                    .setVocabSize(settings.vocabularySize())
                    .setMinDF(settings.minDocFreq()),
            new IDF().setInputCol("tf").setOutputCol("tfidf"),
            new Normalizer().setInputCol("tfidf").setOutputCol("topic_features").setP(2.0),
            new KMeans()
                    .setFeaturesCol("topic_features")
                    .setPredictionCol("cluster")
                    .setK(k)
                    .setSeed(settings.seed())
                    .setMaxIter(20)
        });
        return pipeline.fit(documents.where(size(col("words")).gt(0)).orderBy("conversation_id"));
    }

    /** conversation_id + {@code topic_cluster} (null for a document without vocabulary words). */
    public static Dataset<Row> assign(Model model, Dataset<Row> documents) {
        Column known = size(array_intersect(col("words"), lit(model.vocabulary().toArray(new String[0]))))
                .gt(0);
        Dataset<Row> assigned = model.pipeline()
                .transform(documents.where(known))
                .select(col("conversation_id"), col("cluster").as("topic_cluster"));
        return documents.select("conversation_id").join(assigned, new String[] {"conversation_id"}, "left");
    }

    /** A cluster: its top terms and how many documents it holds, also as a share of all assigned. */
    public record Cluster(int id, List<String> topTerms, long conversations, double share) {}

    /** Every cluster of {@code model}, sized by {@code assignments}. */
    public List<Cluster> clusters(Model model, Dataset<Row> assignments) {
        KMeansModel kmeans = (KMeansModel) model.pipeline().stages()[3];
        int topTerms = settings.topTerms();
        Vector[] centers = kmeans.clusterCenters();
        List<Row> sizes = assignments
                .where(col("topic_cluster").isNotNull())
                .groupBy("topic_cluster")
                .agg(count(lit(1)).as("n"))
                .collectAsList();
        long total = sizes.stream().mapToLong(r -> r.getLong(1)).sum();
        List<Cluster> out = new ArrayList<>();
        for (int cluster = 0; cluster < centers.length; cluster++) {
            double[] weights = centers[cluster].toArray();
            List<String> terms = IntStream.range(0, weights.length)
                    .boxed()
                    .filter(i -> weights[i] > 0)
                    .sorted(Comparator.<Integer>comparingDouble(i -> -weights[i])
                            .thenComparing(i -> i))
                    .limit(topTerms)
                    .map(i -> model.vocabulary().get(i))
                    .toList();
            int id = cluster;
            long n = sizes.stream()
                    .filter(r -> r.getInt(0) == id)
                    .mapToLong(r -> r.getLong(1))
                    .sum();
            out.add(new Cluster(id, terms, n, total == 0 ? 0.0 : (double) n / total));
        }
        return out;
    }
}
