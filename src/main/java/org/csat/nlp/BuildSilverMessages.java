package org.csat.nlp;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.csat.config.PipelineConfig;
import org.csat.tables.TableSchemas;

/**
 * Bronze conversations -> one row per message with its language and sentiment.
 * A conversation's {@code language} is the source's, lower-cased, else the one Lingua
 * identifies in the customer's turns, else in all its turns ({@link LanguageIdentifier#identifyTurns},
 * {@code language.*}); {@code detected_language} keeps Lingua's answer also when the source
 * gives one, and {@code language_mismatch} flags a source that disagrees with it (on the
 * primary subtag). Each message gets the language of its own text when that is long and clear
 * enough to tell, else its conversation's ("ok", an emoji). Messages of the roles in
 * {@code sentiment.roles} (customer, bot and agent by default) whose own language is one of
 * {@code sentiment.languages} are scored by CoreNLP ({@link ScoreSentences}) and by the chat
 * lexicon ({@link LexiconSentiment}), and reported as their combination
 * ({@link CombinedSentiment}); system events, other roles and other languages get null
 * sentiment rather than an English model's guess, and {@code sentiment_model} 'none'.
 */
public final class BuildSilverMessages {
    /** A conversation's language when neither the source nor the text tells it. */
    static final String UNDETERMINED = "und";

    private final PipelineConfig config;
    private final int scoringPartitions;

    public BuildSilverMessages(PipelineConfig config, int scoringPartitions) {
        this.config = config;
        this.scoringPartitions = scoringPartitions;
    }

    /**
     * Bronze conversations, redacted ({@link RedactConversations}: everything downstream sees
     * only redacted text), with {@code language} (resolved), {@code language_source}
     * ({@code source}, {@code detected} or {@code unknown}), {@code detected_language} and
     * {@code language_mismatch} added.
     */
    public Dataset<Row> withLanguage(Dataset<Row> bronze) {
        Dataset<Row> redacted = new RedactConversations().apply(bronze);
        UserDefinedFunction identify = udf(new IdentifyLanguageUdf(config.language(), true), DataTypes.StringType);
        String separator = String.valueOf(LanguageIdentifier.TURN_SEPARATOR);
        Column customerText =
                concat_ws(separator, expr("transform(filter(messages, m -> m.role = 'customer'), m -> m.text)"));
        Column allText =
                concat_ws(separator, expr("transform(filter(messages, m -> m.role != 'system'), m -> m.text)"));
        Column source = lower(trim(col("language")));
        Column hasSource = source.isNotNull().and(source.notEqual(""));
        Column comparable = LanguageTags.primarySubtag(source);
        return redacted.withColumn("detected_language", identify.apply(customerText, allText))
                .withColumn(
                        "language_source",
                        when(hasSource, lit("source"))
                                .when(col("detected_language").isNull(), lit("unknown"))
                                .otherwise(lit("detected")))
                .withColumn(
                        "language_mismatch",
                        hasSource
                                .and(col("detected_language").isNotNull())
                                .and(comparable.notEqual(col("detected_language"))))
                .withColumn(
                        "language",
                        when(hasSource, source).otherwise(coalesce(col("detected_language"), lit(UNDETERMINED))));
    }

    private UserDefinedFunction identifyLanguage() {
        return udf(new IdentifyLanguageUdf(config.language(), false), DataTypes.StringType);
    }

    /** @param conversations bronze rows after {@link #withLanguage} */
    public Dataset<Row> apply(Dataset<Row> conversations) {
        Dataset<Row> messages = conversations
                .select(
                        col("conversation_id"),
                        col("language"),
                        to_date(col("started_at")).as("date"),
                        explode(col("messages")).as("m"))
                .select(
                        col("conversation_id"),
                        col("m.seq").as("seq"),
                        col("m.ts").as("ts"),
                        col("date"),
                        col("m.role").as("role"),
                        col("m.agent_id").as("agent_id"),
                        col("m.event").as("event"),
                        col("m.text").as("text"),
                        coalesce(
                                        when(
                                                col("m.role").notEqual("system"),
                                                identifyLanguage()
                                                        .apply(
                                                                col("m.text"),
                                                                lit(null).cast("string"))),
                                        col("language"))
                                .as("language"));
        return withSentiment(messages).selectExpr(TableSchemas.columns(TableSchemas.SILVER_MESSAGES));
    }

    /**
     * Message rows ({@code role, text, language}, any other columns) with {@code sentiment,
     * sentiment_label, sentences, sentences_scored, corenlp_sentiment, corenlp_sentiment_label,
     * lexicon_sentiment, sentiment_model} added: the scorable texts' distinct sentences are
     * scored by CoreNLP once each ({@link ScoreSentences}) and joined back, each scorable text
     * is scored by the lexicon, and {@code sentiment} combines the two
     * ({@link CombinedSentiment}, {@code sentiment.lexicon_weight}, {@code sentiment.lexicon_override}). Rows that are not
     * {@link #scorable()} get nulls and {@code sentiment_model} 'none'.
     */
    public Dataset<Row> withSentiment(Dataset<Row> messages) {
        Dataset<Row> keyed = messages.withColumn("score_key", when(scorable(), col("text")));
        Dataset<Row> scores = new ScoreSentences(config, scoringPartitions)
                .apply(keyed.where(col("score_key").isNotNull())
                        .select(col("score_key").as("text")))
                .withColumnRenamed("text", "score_key")
                .withColumnRenamed("sentiment", "corenlp_sentiment")
                .withColumnRenamed("sentiment_label", "corenlp_sentiment_label");
        Column lexicon = udf(new LexiconSentimentUdf(), DataTypes.DoubleType).apply(col("text"));
        Column combined = CombinedSentiment.score(
                col("corenlp_sentiment"),
                col("lexicon_sentiment"),
                config.sentiment().lexiconWeight());
        return keyed.join(scores, keyed.col("score_key").equalTo(scores.col("score_key")), "left")
                .withColumn("lexicon_sentiment", when(keyed.col("score_key").isNotNull(), lexicon))
                .withColumn(
                        "sentiment_model",
                        when(keyed.col("score_key").isNotNull(), lit(CombinedSentiment.ENGLISH_MODEL))
                                .otherwise(lit(CombinedSentiment.NO_MODEL)))
                .drop(keyed.col("score_key"))
                .drop(scores.col("score_key"))
                .withColumn("sentiment", combined)
                .withColumn(
                        "sentiment_label",
                        CombinedSentiment.label(
                                col("corenlp_sentiment_label"),
                                col("lexicon_sentiment"),
                                col("sentiment"),
                                config.sentiment().lexiconOverride()));
    }

    /** Whether a message row ({@code role, text, language}) gets sentiment. */
    public Column scorable() {
        Column primary = regexp_extract(col("language"), "^([a-z]+)", 1);
        return col("role")
                .notEqual("system")
                .and(col("role").isin(config.sentiment().roles().toArray()))
                .and(col("text").isNotNull())
                .and(primary.isin(config.sentiment().languages().toArray()));
    }
}
