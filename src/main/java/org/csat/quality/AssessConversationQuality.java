package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.csat.config.QualitySettings;
import org.csat.stage.StageAction;
import org.csat.stage.StageContext;
import org.csat.tables.Table;
import org.csat.tables.TableSchemas;
import org.csat.tables.UpsertConversationRows;

/**
 * Completes a batch of summarized conversations with what needs the other conversations, and
 * upserts them into {@code silver_conversations}:
 * <ol>
 * <li>Earlier conversations of the batch's customers whose repeat-contact window
 * ({@code quality.repeat_window_days}) reaches a batch conversation (new or as it was) are
 * summarized again from silver_messages, since a later night can make them repeat contacts.</li>
 * <li>Topic clusters ({@link TopicModelStore}): the batch is assigned with the current model;
 * when the model changes, every conversation is.</li>
 * <li>Repeat contact and the final resolution status ({@link DetectRepeatContacts}).</li>
 * <li>resolved ({@link PredictResolution}): the resolution model is trained and evaluated on
 * the conversations people labelled, when they changed; it or the rules decide.</li>
 * <li>predicted_csat ({@link PredictCsat}): the model is trained and evaluated when the surveyed
 * conversations changed, and every conversation not yet decided by the current resolution
 * scorer and predicted by the current CSAT model or rules is done again, so all rows share
 * one scorer each.</li>
 * </ol>
 * Deterministic: the same tables and batch give the same rows, models and metrics.
 */
public final class AssessConversationQuality extends StageAction<AssessConversationQuality.Result> {
    private final QualitySettings settings;
    private Dataset<Row> batchConversations;
    private Dataset<Row> batchMessages;
    private boolean refitTopics;
    private final List<Dataset<Row>> cached = new ArrayList<>();

    /** Rows written per table, and what resolved, predicted_csat and topic_cluster came from. */
    public record Result(
            long conversationsWritten,
            Map<Table, Long> rowsWritten,
            String resolutionSource,
            String csatSource,
            String topicModel) {}

    public AssessConversationQuality(StageContext context) {
        super(context);
        this.settings = context.config().quality();
    }

    /**
     * The run's batch: its bronze conversations (redacted, with {@code language} and
     * {@code language_source} resolved) and their silver_messages rows, already upserted.
     */
    public AssessConversationQuality batch(Dataset<Row> conversations, Dataset<Row> messages) {
        if (conversations == null || messages == null) {
            throw new IllegalArgumentException("the batch needs both its conversations and its messages");
        }
        this.batchConversations = conversations;
        this.batchMessages = messages;
        return this;
    }

    /** Refit the topic model even if the corpus has not grown enough (the nightly job's --rescore). */
    public AssessConversationQuality refitTopics(boolean refitTopics) {
        this.refitTopics = refitTopics;
        return this;
    }

    @Override
    protected String jobGroup() {
        return "QUALITY";
    }

    @Override
    protected String jobDescription() {
        return "resolution, repeat contact, predicted CSAT, topics";
    }

    @Override
    protected void checkReady() {
        if (batchConversations == null) {
            throw new IllegalStateException("AssessConversationQuality needs batch(...) before execute()");
        }
    }

    @Override
    protected Result doExecute() throws IOException {
        try {
            return assess(new SummarizeConversations(config(), run().id()).apply(batchMessages, batchConversations));
        } finally {
            cached.forEach(Dataset::unpersist);
            cached.clear();
        }
    }

    private Result assess(Dataset<Row> batch) throws IOException {
        Dataset<Row> silver = warehouse().read(Table.SILVER_CONVERSATIONS);
        Dataset<Row> messages = warehouse().read(Table.SILVER_MESSAGES);
        Dataset<Row> fresh = keep(batch);
        Dataset<Row> earlier = keep(earlierOfSameCustomers(silver, fresh));
        Dataset<Row> resummarized = earlier.isEmpty()
                ? earlier
                : new SummarizeConversations(config(), run().id())
                        .apply(
                                messages.join(
                                        earlier.select("conversation_id"),
                                        new String[] {"conversation_id"},
                                        "left_semi"),
                                earlier);
        Dataset<Row> r1 = keep(fresh.unionByName(resummarized).withColumn("_r1", lit(true)));
        Dataset<Row> after = silver.join(r1.select("conversation_id"), new String[] {"conversation_id"}, "left_anti")
                .withColumn("_r1", lit(false))
                .unionByName(r1);

        TopicModelStore.Outcome topics = new TopicModelStore(context()).prepare(after, messages, refitTopics);
        if (topics.allAssignments() != null) {
            cached.add(topics.allAssignments());
        }
        Dataset<Row> universe = keep(withClusters(after, r1, messages, topics));
        DetectRepeatContacts repeats = new DetectRepeatContacts(settings.repeatWindowDays());
        Dataset<Row> r1Final = keep(repeats.apply(universe.where(col("_r1")), universe));
        Dataset<Row> afterFinal = universe.where(not(col("_r1"))).unionByName(r1Final);

        ConversationFeatures features = new ConversationFeatures(config().phrases());
        PredictResolution.Predictor resolution =
                new PredictResolution(context()).prepare(afterFinal, features, messages);
        PredictCsat.Predictor predictor = new PredictCsat(context())
                .prepare(decided(
                        resolution, features.apply(afterFinal.where(col("csat").isNotNull()), messages)));

        Column stalePrediction = col("predicted_csat_source")
                .isNull()
                .or(col("predicted_csat_source").notEqual(predictor.source()))
                .or(col("resolution_source").isNull())
                .or(col("resolution_source").notEqual(resolution.source()));
        Dataset<Row> stale = afterFinal.where(not(col("_r1")).and(topics.changed() ? lit(true) : stalePrediction));
        Dataset<Row> output = keep(r1Final.unionByName(topics.changed() ? repeats.apply(stale, universe) : stale));
        String[] decidedColumns = {
            "resolved", "resolution_probability", "resolution_source", "predicted_csat", "predicted_csat_source"
        };
        Dataset<Row> predicted = PredictCsat.apply(predictor, decided(resolution, features.apply(output, messages)))
                .select("conversation_id", decidedColumns);
        Dataset<Row> rows = output.drop(decidedColumns)
                .join(predicted, "conversation_id")
                .selectExpr(TableSchemas.columns(TableSchemas.SILVER_CONVERSATIONS));
        long written = new UpsertConversationRows(warehouse(), Table.SILVER_CONVERSATIONS, List.of("conversation_id"))
                .execute(rows);

        Map<Table, Long> rowsWritten = new EnumMap<>(Table.class);
        rowsWritten.put(Table.SILVER_CONVERSATIONS, written);
        rowsWritten.put(Table.MODEL_METRICS, predictor.metricsRowsWritten() + resolution.metricsRowsWritten());
        rowsWritten.put(Table.TOPICS, topics.rowsWritten());
        return new Result(
                written,
                rowsWritten,
                resolution.source(),
                predictor.source(),
                topics.model() == null ? null : topics.model().version());
    }

    /** Feature rows with the resolution decided ({@link PredictResolution}) and its features added. */
    private static Dataset<Row> decided(PredictResolution.Predictor resolution, Dataset<Row> features) {
        return ConversationFeatures.withResolution(PredictResolution.apply(resolution, features));
    }

    /**
     * Stored conversations (outside the batch) of a batch customer that started no later than a
     * batch conversation (in its new or its stored version) and whose window reaches it.
     */
    private Dataset<Row> earlierOfSameCustomers(Dataset<Row> silver, Dataset<Row> fresh) {
        long windowMicros = settings.repeatWindowDays() * 86_400L * 1_000_000L;
        Dataset<Row> batchIds = fresh.select("conversation_id");
        Dataset<Row> contacts = fresh.select("customer_id", "started_at")
                .unionByName(silver.join(batchIds, new String[] {"conversation_id"}, "left_semi")
                        .select("customer_id", "started_at"))
                .where(col("customer_id").isNotNull())
                .select(col("customer_id").as("b_customer"), col("started_at").as("b_start"));
        Column reaches = col("customer_id")
                .equalTo(col("b_customer"))
                .and(col("started_at").leq(col("b_start")))
                .and(unix_micros(col("b_start"))
                        .leq(unix_micros(coalesce(col("ended_at"), col("started_at")))
                                .plus(lit(windowMicros))));
        return silver.join(batchIds, new String[] {"conversation_id"}, "left_anti")
                .join(contacts, reaches, "left_semi");
    }

    /** {@code after} with topic_cluster from the current model for the batch (for everyone when the model changed). */
    private Dataset<Row> withClusters(
            Dataset<Row> after, Dataset<Row> r1, Dataset<Row> messages, TopicModelStore.Outcome topics) {
        if (topics.model() == null) {
            return after;
        }
        Dataset<Row> assignments = topics.changed()
                ? topics.allAssignments()
                : DiscoverTopics.assign(topics.model(), new DiscoverTopics(settings.topics()).documents(r1, messages));
        Column reassigned = topics.changed() ? lit(true) : col("_r1");
        return after.join(
                        assignments.withColumnRenamed("topic_cluster", "_cluster"),
                        new String[] {"conversation_id"},
                        "left")
                .withColumn("topic_cluster", when(reassigned, col("_cluster")).otherwise(col("topic_cluster")))
                .drop("_cluster");
    }

    /**
     * Materializes a step and cuts its lineage (a local checkpoint, as Delta's MERGE does with its
     * source): each step re-uses the previous ones several times, and without the cut the query
     * plans grow with every step until analysing them costs more than running them.
     */
    private Dataset<Row> keep(Dataset<Row> dataset) {
        return dataset.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
    }
}
