package org.csat.quality;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.stage.Run;
import org.csat.stage.StageContext;
import org.csat.tables.Table;
import org.csat.tables.UpsertConversationRows;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nights of synthetic conversations ({@link SyntheticChats}) through the quality stage, as
 * the nightly job runs it: night one has too few surveys and resolution labels for models
 * (rules) and enough conversations for the topic model, night two has enough of both (models,
 * held out by time) and brings customers back within the window of night one's conversations.
 * Then a night with nothing new, which must change nothing. Short grids keep the test quick.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessConversationQualityTest {
    private static final java.sql.Timestamp RUN_TIME =
            java.sql.Timestamp.from(java.time.Instant.parse("2024-06-01T02:00:00Z"));
    private SparkSession spark;
    private Warehouse warehouse;
    private PipelineConfig config;
    private List<Chat> all;
    private Map<String, Row> afterNight1;
    private AssessConversationQuality.Result night1;
    private AssessConversationQuality.Result night2;
    private AssessConversationQuality.Result rerun;
    private List<String> silverBeforeRerun;
    private List<String> metricsBeforeRerun;
    private List<String> topicsBeforeRerun;

    @BeforeAll
    void runNights(@TempDir Path temp) throws Exception {
        spark = TestSpark.session();
        warehouse = new Warehouse(spark, temp.resolve("warehouse").toString());
        config = TestSpark.testConfig()
                .with("quality.csat_model.min_surveys", "45")
                .with("quality.topics.min_conversations", "30")
                .with("quality.topics.k", "4")
                .with("quality.topics.min_doc_freq", "2")
                .with("quality.topics.refit_growth", "10")
                .with("quality.csat_model.reg_params", "0.1,1.0")
                .with("quality.resolution_model.min_labels", "45")
                .with("quality.resolution_model.reg_params", "0.1,1.0");
        all = SyntheticChats.generate(0, 100, 0, 10, 7);
        night1 = night("run-1", all.stream().filter(c -> day(c) < 5).toList());
        afterNight1 = silverById();
        night2 = night("run-2", all.stream().filter(c -> day(c) >= 5).toList());
        silverBeforeRerun =
                TestSpark.sortedRows(warehouse.read(Table.SILVER_CONVERSATIONS).collectAsList());
        metricsBeforeRerun =
                TestSpark.sortedRows(warehouse.read(Table.MODEL_METRICS).collectAsList());
        topicsBeforeRerun = TestSpark.sortedRows(warehouse.read(Table.TOPICS).collectAsList());
        rerun = night("run-3", List.of());
    }

    private static double day(Chat chat) {
        return (chat.conversationRow().getTimestamp(3).toInstant().getEpochSecond() - Chat.DAY_ONE.getEpochSecond())
                / 86_400.0;
    }

    private AssessConversationQuality.Result night(String runId, List<Chat> chats) throws Exception {
        Dataset<Row> messages = chats.isEmpty()
                ? spark.createDataFrame(List.of(), org.csat.tables.TableSchemas.SILVER_MESSAGES)
                : Chat.messages(spark, chats);
        Dataset<Row> conversations = chats.isEmpty()
                ? spark.createDataFrame(List.of(), Chat.CONVERSATION)
                : Chat.conversations(spark, chats);
        new UpsertConversationRows(warehouse, Table.SILVER_MESSAGES, List.of("conversation_id", "seq"))
                .execute(messages);
        return new AssessConversationQuality(new StageContext(spark, warehouse, config, new Run(runId, RUN_TIME)))
                .batch(conversations, messages)
                .execute();
    }

    private Map<String, Row> silverById() {
        Map<String, Row> rows = new HashMap<>();
        warehouse
                .read(Table.SILVER_CONVERSATIONS)
                .collectAsList()
                .forEach(r -> rows.put(r.getAs("conversation_id"), r));
        return rows;
    }

    @Test
    void aLaterNightTurnsAnEarlierConversationIntoARepeatContact() {
        Set<String> crossNight = all.stream()
                .filter(c -> c.id.endsWith("-again") && day(c) >= 5)
                .map(c -> c.id.replace("-again", ""))
                .filter(afterNight1::containsKey)
                .collect(Collectors.toSet());
        assertFalse(crossNight.isEmpty(), "the fixture has returns across the nights");
        Map<String, Row> now = silverById();
        for (String id : crossNight) {
            assertFalse(afterNight1.get(id).<Boolean>getAs("repeat_contact"), id + " had no return after night one");
            assertTrue(now.get(id).<Boolean>getAs("repeat_contact"), id + " is a repeat contact after night two");
            assertTrue(now.get(id).<Boolean>getAs("repeat_contact_same_topic"), id);
            assertTrue(
                    Set.of("repeat_contact", "abandoned").contains(now.get(id).<String>getAs("resolution_status")), id);
        }
    }

    @Test
    void nightOneFallsBackToRulesAndSaysSo() {
        assertEquals("rules", night1.csatSource());
        List<Row> rules = warehouse
                .read(Table.MODEL_METRICS)
                .where(col("run_id")
                        .equalTo("run-1")
                        .and(col("predictor").startsWith("resolution_").unary_$bang()))
                .collectAsList();
        assertFalse(rules.isEmpty());
        for (Row r : rules) {
            assertEquals("rules", r.getAs("source"));
            assertEquals(0L, r.<Long>getAs("train_rows"));
            assertTrue(r.<String>getAs("note").contains("quality.csat_model.min_surveys=45"), r.<String>getAs("note"));
        }
    }

    @Test
    void nightTwoTrainsOnEarlierSurveysAndTestsOnLaterOnes() {
        assertTrue(night2.csatSource().startsWith("model:lr-"), night2.csatSource());
        String version = night2.csatSource().substring("model:".length());
        Map<String, Row> metrics = new HashMap<>();
        warehouse
                .read(Table.MODEL_METRICS)
                .where(col("model_version").equalTo(version))
                .collectAsList()
                .forEach(r -> metrics.put(r.getAs("predictor") + "/" + r.getAs("metric") + "/" + r.getAs("cohort"), r));
        Row spearman = metrics.get("model/spearman/all");
        Row mae = metrics.get("model/mae/all");
        assertNotNull(spearman);
        assertTrue(
                spearman.getTimestamp(spearman.fieldIndex("train_until"))
                        .before(spearman.getTimestamp(spearman.fieldIndex("test_from"))),
                "every training conversation started before every test conversation");
        long surveyed = all.stream()
                .filter(c -> c.conversationRow().get(Chat.CONVERSATION.fieldIndex("csat")) != null)
                .count();
        assertEquals(surveyed, spearman.<Long>getAs("train_rows") + spearman.<Long>getAs("test_rows"));
        assertTrue(
                spearman.<Double>getAs("value") > 0.4,
                "planted outcomes drive the scores; got " + spearman.<Double>getAs("value"));
        assertTrue(
                mae.<Double>getAs("value") < metrics.get("train_mean/mae/all").<Double>getAs("value"),
                "better than the mean");
        assertTrue(
                metrics.keySet().stream().anyMatch(k -> k.startsWith("model/mae/") && !k.endsWith("/all")),
                "per cohort too");
        assertTrue(metrics.containsKey("rules/spearman/all")
                && metrics.containsKey("customer_sentiment_mean/spearman/all"));
    }

    @Test
    void nightOneLeavesResolutionToTheRulesAndSaysWhy() {
        assertEquals("rules", night1.resolutionSource());
        List<Row> rules = warehouse
                .read(Table.MODEL_METRICS)
                .where(col("run_id").equalTo("run-1").and(col("predictor").equalTo("resolution_rules")))
                .collectAsList();
        assertFalse(rules.isEmpty(), "the rules are evaluated on the few labels there are");
        assertTrue(
                rules.get(0).<String>getAs("note").contains("quality.resolution_model.min_labels=45"),
                rules.get(0).<String>getAs("note"));
        assertTrue(afterNight1.values().stream().allMatch(r -> "rules".equals(r.getAs("resolution_source"))));
    }

    @Test
    void nightTwoLearnsWhatPeopleCallResolvedAndKeepsTheFacts() {
        assertTrue(night2.resolutionSource().startsWith("model:logit-"), night2.resolutionSource());
        String version = night2.resolutionSource().substring("model:".length());
        Map<String, Double> metrics = new HashMap<>();
        warehouse
                .read(Table.MODEL_METRICS)
                .where(col("model_version").equalTo(version).and(col("cohort").equalTo("all")))
                .collectAsList()
                .forEach(r -> metrics.put(r.getAs("predictor") + "/" + r.getAs("metric"), r.getAs("value")));
        assertTrue(
                metrics.get("resolution_model/balanced_accuracy") > metrics.get("resolution_rules/balanced_accuracy"),
                "the model decides because it agrees better with the held-out labels: " + metrics);
        assertTrue(metrics.get("resolution_model/auc") > 0.8, "planted labels are learnable: " + metrics);
        // What decides is the model refitted on every labelled conversation, cut at their share resolved.
        assertTrue(
                java.nio.file.Files.isDirectory(
                        Path.of(java.net.URI.create(warehouse.root() + "/models/resolution/" + version + "-all"))),
                "the refitted model is saved beside the evaluated one");
        List<Boolean> labels = silverById().values().stream()
                .map(r -> r.<String, String>getJavaMap(r.fieldIndex("metadata")))
                .filter(m -> m != null && m.containsKey(SyntheticChats.LABEL_KEY))
                .map(m -> Boolean.parseBoolean(m.get(SyntheticChats.LABEL_KEY)))
                .toList();
        double share = labels.stream().filter(b -> b).count() / (double) labels.size();
        for (Row r : silverById().values()) {
            assertEquals(night2.resolutionSource(), r.getAs("resolution_source"), "every row is decided again");
            String rule = r.getAs("resolution_rule");
            if (rule.equals("repeat_contact") || rule.equals("no_answer")) {
                assertFalse(r.<Boolean>getAs("resolved"), "a fact the model does not overrule: " + rule);
                assertEquals(0.0, r.<Double>getAs("resolution_probability"));
            } else {
                double p = r.<Double>getAs("resolution_probability");
                assertTrue(p >= 0 && p <= 1, "a probability: " + p);
                assertEquals(p >= share, r.<Boolean>getAs("resolved"), "resolved is p >= " + share + ": " + p);
            }
        }
        long handoffsResolved = silverById().values().stream()
                .filter(r -> "handoff".equals(r.getAs("resolution_rule")))
                .filter(r -> r.<Boolean>getAs("resolved"))
                .count();
        long handoffs = silverById().values().stream()
                .filter(r -> "handoff".equals(r.getAs("resolution_rule")))
                .count();
        assertTrue(handoffs > 5 && handoffsResolved < handoffs / 2, handoffsResolved + " of " + handoffs);
    }

    @Test
    void everyConversationIsPredictedByTheCurrentModel() {
        Map<String, Row> now = silverById();
        assertEquals(all.size(), now.size());
        for (Row r : now.values()) {
            assertEquals(night2.csatSource(), r.getAs("predicted_csat_source"), "night one's rows were re-predicted");
            double predicted = r.<Double>getAs("predicted_csat");
            assertTrue(predicted >= 1 && predicted <= 5, "on the survey scale: " + predicted);
        }
    }

    @Test
    void topicClustersFollowTheCustomersWords() {
        List<Row> topics = warehouse.read(Table.TOPICS).collectAsList();
        assertEquals(4, topics.size());
        assertTrue(topics.stream()
                .allMatch(t -> t.getList(t.fieldIndex("top_terms")).size() > 0));
        Map<Integer, Map<String, Long>> topicsByCluster = silverById().values().stream()
                .collect(Collectors.groupingBy(
                        r -> r.<Integer>getAs("topic_cluster"),
                        Collectors.groupingBy(r -> r.<String>getAs("topic"), Collectors.counting())));
        for (Map.Entry<Integer, Map<String, Long>> cluster : topicsByCluster.entrySet()) {
            long size = cluster.getValue().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long majority = cluster.getValue().values().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
            assertTrue(
                    majority >= 0.9 * size,
                    "cluster " + cluster.getKey() + " mixes topics " + cluster.getValue() + "; clusters: "
                            + TestSpark.sortedRows(topics));
        }
    }

    @Test
    void rerunningWithNothingNewChangesNothing() {
        assertEquals(0L, rerun.conversationsWritten());
        assertEquals(
                Map.of(Table.SILVER_CONVERSATIONS, 0L, Table.MODEL_METRICS, 0L, Table.TOPICS, 0L), rerun.rowsWritten());
        assertEquals(
                silverBeforeRerun,
                TestSpark.sortedRows(warehouse.read(Table.SILVER_CONVERSATIONS).collectAsList()));
        assertEquals(
                metricsBeforeRerun,
                TestSpark.sortedRows(warehouse.read(Table.MODEL_METRICS).collectAsList()));
        assertEquals(
                topicsBeforeRerun,
                TestSpark.sortedRows(warehouse.read(Table.TOPICS).collectAsList()));
        assertEquals(night2.csatSource(), rerun.csatSource());
        assertEquals(night2.resolutionSource(), rerun.resolutionSource());
    }
}
