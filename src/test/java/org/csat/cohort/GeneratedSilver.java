package org.csat.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.tables.TableSchemas;

/**
 * A silver_conversations-shaped frame built from generated transcripts and the generator's
 * truth file, without CoreNLP: who handled each chat and whether it was resolved come from
 * the truth (as the quality detectors would report them), the rest from the transcript.
 * {@code repeat_contact} is true when a later conversation follows this one up. Sentiment
 * columns are null (no scoring), so those metrics have no values.
 */
final class GeneratedSilver {
    static final StructType TRANSCRIPT = new StructType()
            .add("conversation_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("channel", DataTypes.StringType)
            .add("language", DataTypes.StringType)
            .add("started_at", DataTypes.TimestampType)
            .add("ended_at", DataTypes.TimestampType)
            .add("topic", DataTypes.StringType)
            .add("csat", DataTypes.IntegerType)
            .add("messages", DataTypes.createArrayType(TableSchemas.MESSAGE))
            .add("metadata", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

    static final StructType TRUTH = new StructType()
            .add("conversation_id", DataTypes.StringType)
            .add("complexity", DataTypes.StringType)
            .add("mood", DataTypes.StringType)
            .add("bot_first", DataTypes.BooleanType)
            .add("handling", DataTypes.StringType)
            .add("resolved", DataTypes.BooleanType)
            .add("handoff_event", DataTypes.BooleanType)
            .add("asked_for_human", DataTypes.BooleanType)
            .add("repeat_of", DataTypes.StringType);

    private GeneratedSilver() {}

    static Dataset<Row> truth(SparkSession spark, Path truthFile) {
        return spark.read().schema(TRUTH).json(truthFile.toString());
    }

    static Dataset<Row> build(SparkSession spark, Path transcripts, Path truthFile) {
        Dataset<Row> chats = spark.read()
                .schema(TRANSCRIPT)
                .option("recursiveFileLookup", "true")
                .json(transcripts.toString());
        Dataset<Row> truth = truth(spark, truthFile);
        Dataset<Row> followedUp = truth.where(col("repeat_of").isNotNull())
                .select(col("repeat_of").as("conversation_id"))
                .distinct()
                .withColumn("repeat_contact", lit(true));
        Column handledBy = when(col("handling").equalTo("bot_only"), lit("bot"))
                .when(col("handling").equalTo("escalated"), lit("bot_to_human"))
                .otherwise(lit("human"));
        return chats.join(truth.drop("repeat_of"), "conversation_id")
                .join(followedUp, new String[] {"conversation_id"}, "left")
                .select(
                        col("conversation_id"),
                        col("customer_id"),
                        col("channel"),
                        col("started_at"),
                        col("ended_at"),
                        to_date(col("started_at")).as("date"),
                        col("topic"),
                        col("language"),
                        lit("source").as("language_source"),
                        col("language").as("detected_language"),
                        handledBy.as("handled_by"),
                        col("handoff_event")
                                .or(col("handling").equalTo("escalated"))
                                .as("handoff"),
                        col("asked_for_human"),
                        when(col("asked_for_human"), 1).otherwise(0).as("asked_for_human_count"),
                        turns("customer"),
                        turns("bot"),
                        turns("agent"),
                        unix_micros(col("ended_at"))
                                .minus(unix_micros(col("started_at")))
                                .divide(1e6)
                                .as("duration_s"),
                        lit(null).cast("double").as("customer_sentiment_start"),
                        lit(null).cast("double").as("customer_sentiment_end"),
                        lit(null).cast("double").as("customer_sentiment_shift"),
                        col("csat"),
                        col("metadata"),
                        lit("test").as("scored_run_id"),
                        col("resolved"),
                        when(col("repeat_contact").isNull(), lit(false))
                                .otherwise(lit(true))
                                .as("repeat_contact"));
    }

    private static Column turns(String role) {
        return size(filter(col("messages"), m -> m.getField("role").equalTo(role)))
                .as(role + "_turns");
    }
}
