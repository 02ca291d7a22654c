package org.csat.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.config.PipelineConfig;
import org.csat.nlp.BuildSilverMessages;
import org.csat.stage.SparkSessions;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;

/**
 * The Spark steps of {@code bench/run}, each in its own JVM so that wall time and peak RSS
 * are the step's own:
 * <ul>
 * <li>{@code naive --input DIR --out DIR}: reads a transcript directory, scores every message
 * row with {@link NaiveSentimentUdf} (one full CoreNLP pipeline call per row, spread over
 * {@code defaultParallelism*4} tasks) and writes one Parquet row per message;</li>
 * <li>{@code pipeline --input DIR --out DIR}: the same input, preparation and output, scored
 * the way the nightly job scores {@code silver_messages}
 * ({@link BuildSilverMessages#withSentiment}: distinct sentences, one parse each, and the chat
 * lexicon and the combined score, which are written too so that their cost is timed);</li>
 * <li>{@code compare --naive DIR (--pipeline DIR | --warehouse DIR)}: checks every message's
 * CoreNLP sentiment ({@code corenlp_sentiment}, score within 1e-12, and
 * {@code corenlp_sentiment_label}) against the naive one, from the pipeline step's Parquet or a
 * nightly run's {@code silver_messages}, and prints {@code messages=N mismatches=M ...}.</li>
 * </ul>
 * All take {@code --set k=v;..} like the nightly job, so the paths read the same settings.
 */
public final class SentimentBenchmark {
    private static final double TOLERANCE = 1e-12;
    /** The contract's fields that silver preparation (redaction, language) reads; seq is assigned at ingest, so null here. */
    private static final StructType TRANSCRIPTS = new StructType()
            .add("conversation_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("channel", DataTypes.StringType)
            .add("language", DataTypes.StringType)
            .add("topic", DataTypes.StringType)
            .add("metadata", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
            .add(
                    "messages",
                    DataTypes.createArrayType(new StructType()
                            .add("seq", DataTypes.IntegerType)
                            .add("ts", DataTypes.StringType)
                            .add("role", DataTypes.StringType)
                            .add("agent_id", DataTypes.StringType)
                            .add("event", DataTypes.StringType)
                            .add("text", DataTypes.StringType)));

    private SentimentBenchmark() {}

    public static void main(String[] argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: SentimentBenchmark naive|pipeline|compare [--option value]...");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < argv.length; i += 2) {
            options.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        PipelineConfig config = config(options.get("set"));
        SparkSession spark = SparkSessions.create("csat bench " + argv[0], config);
        try {
            switch (argv[0]) {
                case "naive" -> naive(spark, config, require(options, "input"), require(options, "out"));
                case "pipeline" -> pipeline(spark, config, require(options, "input"), require(options, "out"));
                case "compare" ->
                    System.out.println(compare(
                            spark,
                            config,
                            require(options, "naive"),
                            options.get("pipeline"),
                            options.get("warehouse")));
                default -> throw new IllegalArgumentException("unknown step " + argv[0]);
            }
        } finally {
            spark.stop();
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static PipelineConfig config(String set) {
        return PipelineConfig.load(null, PipelineConfig.parseOverrides(set));
    }

    static void naive(SparkSession spark, PipelineConfig config, String input, String out) {
        BuildSilverMessages silver = new BuildSilverMessages(config, 1);
        UserDefinedFunction sentiment = udf(
                        new NaiveSentimentUdf(
                                config.sentiment().parseModel(),
                                config.sentiment().maxSentenceTokens()),
                        NaiveSentimentUdf.RESULT)
                .asNondeterministic();
        Dataset<Row> messages =
                messages(spark, silver, input).repartition(spark.sparkContext().defaultParallelism() * 4);
        Column scorable = silver.scorable();
        messages.withColumn("scorable", scorable)
                .withColumn("s", when(scorable, sentiment.apply(col("text"))))
                .select(
                        col("conversation_id"),
                        col("role"),
                        col("text"),
                        col("scorable"),
                        col("s.sentiment").as("corenlp_sentiment"),
                        col("s.sentiment_label").as("corenlp_sentiment_label"))
                .write()
                .mode("overwrite")
                .parquet(out);
    }

    static void pipeline(SparkSession spark, PipelineConfig config, String input, String out) {
        BuildSilverMessages silver =
                new BuildSilverMessages(config, spark.sparkContext().defaultParallelism() * 4);
        silver.withSentiment(messages(spark, silver, input))
                .withColumn("scorable", silver.scorable())
                .select(
                        "conversation_id",
                        "role",
                        "text",
                        "scorable",
                        "corenlp_sentiment",
                        "corenlp_sentiment_label",
                        "sentiment",
                        "sentiment_label")
                .write()
                .mode("overwrite")
                .parquet(out);
    }

    /** One row per message of the transcripts under {@code input}, redacted and with its language, as silver prepares them. */
    private static Dataset<Row> messages(SparkSession spark, BuildSilverMessages silver, String input) {
        Dataset<Row> conversations = silver.withLanguage(spark.read()
                .schema(TRANSCRIPTS)
                .option("recursiveFileLookup", "true")
                .option("pathGlobFilter", "*.jsonl*")
                .json(input));
        return conversations
                .select(
                        col("conversation_id"),
                        col("language"),
                        explode(col("messages")).as("m"))
                .select(
                        col("conversation_id"),
                        col("language"),
                        col("m.role").as("role"),
                        col("m.text").as("text"));
    }

    /** What {@code compare} found: scorable messages, how many disagree, how many differ in any bit. */
    record Agreement(
            long messages,
            long scored,
            long mismatches,
            long missing,
            long notBitwiseIdentical,
            long naiveRows,
            long pipelineRows) {
        @Override
        public String toString() {
            return String.format(
                    "messages=%d scored=%d mismatches=%d missing=%d not_bitwise_identical=%d naive_rows=%d pipeline_rows=%d",
                    messages, scored, mismatches, missing, notBitwiseIdentical, naiveRows, pipelineRows);
        }
    }

    static Agreement compare(
            SparkSession spark, PipelineConfig config, String naiveDir, String pipelineDir, String warehouseDir) {
        if ((pipelineDir == null) == (warehouseDir == null)) {
            throw new IllegalArgumentException("compare needs one of --pipeline DIR or --warehouse DIR");
        }
        Dataset<Row> naive = occurrences(spark.read().parquet(naiveDir));
        Dataset<Row> scored = pipelineDir != null
                ? spark.read().parquet(pipelineDir)
                : new Warehouse(spark, warehouseDir)
                        .read(Table.SILVER_MESSAGES)
                        .withColumn("scorable", new BuildSilverMessages(config, 1).scorable());
        Dataset<Row> pipeline = occurrences(scored);
        String[] key = {"conversation_id", "text", "occurrence"};
        Dataset<Row> joined = naive.as("n").join(pipeline.as("p"), toSeq(key), "full_outer");
        Column missing = col("n.scorable").isNull().or(col("p.scorable").isNull());
        Column scoreDiffers = col("n.corenlp_sentiment")
                .isNull()
                .notEqual(col("p.corenlp_sentiment").isNull())
                .or(abs(col("n.corenlp_sentiment").minus(col("p.corenlp_sentiment")))
                        .gt(TOLERANCE));
        Column labelDiffers = col("n.corenlp_sentiment_label")
                .eqNullSafe(col("p.corenlp_sentiment_label"))
                .unary_$bang();
        Column bitwise = col("n.corenlp_sentiment").eqNullSafe(col("p.corenlp_sentiment"));
        Row counts = joined.agg(
                        org.apache
                                .spark
                                .sql
                                .functions
                                .sum(when(col("n.scorable"), 1).otherwise(0))
                                .as("messages"),
                        org.apache
                                .spark
                                .sql
                                .functions
                                .sum(when(missing, 1).otherwise(0))
                                .as("missing"),
                        org.apache
                                .spark
                                .sql
                                .functions
                                .sum(when(missing.or(scoreDiffers).or(labelDiffers), 1)
                                        .otherwise(0))
                                .as("mismatches"),
                        org.apache
                                .spark
                                .sql
                                .functions
                                .sum(when(col("n.corenlp_sentiment").isNotNull(), 1)
                                        .otherwise(0))
                                .as("scored"),
                        org.apache
                                .spark
                                .sql
                                .functions
                                .sum(when(col("n.scorable").and(bitwise.unary_$bang()), 1)
                                        .otherwise(0))
                                .as("not_bitwise"),
                        org.apache.spark.sql.functions.count(col("p.scorable")).as("pipeline_rows"),
                        org.apache.spark.sql.functions.count(col("n.scorable")).as("naive_rows"))
                .first();
        joined.where(missing.or(scoreDiffers).or(labelDiffers))
                .limit(5)
                .collectAsList()
                .forEach(r -> System.out.println("  mismatch: " + r));
        return new Agreement(
                counts.getLong(0),
                counts.getLong(3),
                counts.getLong(2),
                counts.getLong(1),
                counts.getLong(4),
                counts.getLong(6),
                counts.getLong(5));
    }

    /** Numbers the rows of each (conversation, text), so repeated texts pair up one to one. */
    private static Dataset<Row> occurrences(Dataset<Row> messages) {
        return messages.select("conversation_id", "text", "scorable", "corenlp_sentiment", "corenlp_sentiment_label")
                .withColumn(
                        "occurrence",
                        row_number()
                                .over(Window.partitionBy("conversation_id", "text")
                                        .orderBy("corenlp_sentiment")));
    }

    private static scala.collection.immutable.Seq<String> toSeq(String[] names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(names))
                .toList();
    }
}
