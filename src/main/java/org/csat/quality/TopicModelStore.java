package org.csat.quality;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.csat.config.TopicSettings;
import org.csat.stage.StageContext;
import org.csat.tables.RowValues;
import org.csat.tables.Table;
import org.csat.tables.TableSchemas;
import org.csat.tables.Warehouse;

/**
 * Keeps one current topic model, the one the {@code topics} table describes. It is fitted
 * ({@link DiscoverTopics}) once {@code quality.topics.min_conversations} conversations have
 * customer text, refitted when that number has grown {@code quality.topics.refit_growth} times
 * since, or on request ({@code --rescore}); otherwise the current model is loaded from
 * {@code <warehouse>/models/topics/<version>}. Fitting on the same documents gives the same
 * version ({@link ModelVersions}), which changes nothing. When the model changes, the
 * {@code topics} table is replaced and every conversation must be re-assigned, since cluster
 * numbers of different models mean different things.
 */
final class TopicModelStore {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final TopicSettings settings;
    private final java.util.Map<String, String> settingsText;
    private final String runId;

    /** The model to assign with (null: none yet); when {@code changed}, assignments of every conversation. */
    record Outcome(DiscoverTopics.Model model, boolean changed, Dataset<Row> allAssignments, long rowsWritten) {}

    TopicModelStore(StageContext context) {
        this.spark = context.spark();
        this.warehouse = context.warehouse();
        this.settings = context.config().quality().topics();
        this.settingsText = context.config().texts(TopicSettings.DECLARED);
        this.runId = context.run().id();
    }

    Outcome prepare(Dataset<Row> conversations, Dataset<Row> messages, boolean refit) throws IOException {
        List<Row> current = warehouse
                .read(Table.TOPICS)
                .select("model_version", "corpus_conversations", "model_path")
                .limit(1)
                .collectAsList();
        DiscoverTopics.Model currentModel = current.isEmpty()
                ? null
                : DiscoverTopics.Model.of(
                        current.get(0).getString(0),
                        PipelineModel.load(current.get(0).getString(2)));
        long corpus = conversations.where(col("customer_turns").gt(0)).count();
        long needed = Math.max(settings.minConversations(), settings.k());
        boolean grown = currentModel == null
                || corpus >= settings.refitGrowth() * current.get(0).getLong(1);
        if (corpus < needed || !(refit || grown)) {
            return new Outcome(currentModel, false, null, 0);
        }
        DiscoverTopics topics = new DiscoverTopics(settings);
        Dataset<Row> documents = topics.documents(conversations, messages).persist(StorageLevel.MEMORY_AND_DISK());
        String version =
                "km-" + ModelVersions.fingerprint(documents, settingsText).hash();
        if (currentModel != null && currentModel.version().equals(version)) {
            documents.unpersist();
            return new Outcome(currentModel, false, null, 0);
        }
        String path = warehouse.root() + "/models/topics/" + version;
        ModelFiles files = new ModelFiles(spark);
        if (!files.exists(path)) {
            files.saveAtomically(topics.fit(documents), path, runId);
        }
        DiscoverTopics.Model model = DiscoverTopics.Model.of(version, PipelineModel.load(path));
        Dataset<Row> assignments = DiscoverTopics.assign(model, documents).persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> rows = new ArrayList<>();
        for (DiscoverTopics.Cluster cluster : topics.clusters(model, assignments)) {
            rows.add(RowFactory.create(
                    version,
                    cluster.id(),
                    RowValues.seq(cluster.topTerms()),
                    cluster.conversations(),
                    cluster.share(),
                    corpus,
                    runId,
                    path));
        }
        long written = warehouse.overwrite(Table.TOPICS, spark.createDataFrame(rows, TableSchemas.TOPICS));
        documents.unpersist();
        return new Outcome(model, true, assignments, written);
    }
}
