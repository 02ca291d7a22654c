package org.csat.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.stage.Run;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job end to end on the fixture in src/test/resources/fixtures/nightly: two
 * nights, JSONL and CSV, good and broken records. Night one is run twice (the second must
 * change nothing), then night two (gzip) re-delivers one conversation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyJobTest {
    private SparkSession spark;
    private Warehouse warehouse;
    private NightlyJob.Result night1;
    private NightlyJob.Result night1Again;
    private List<String> silverAfterNight1;
    private List<String> silverAfterRerun;
    private NightlyJob.Result night2;

    @BeforeAll
    void runNights(@TempDir Path temp) throws Exception {
        spark = TestSpark.session();
        Path input = TestSpark.copyFixture("fixtures/nightly", temp.resolve("in"));
        TestSpark.gzip(input.resolve("2024-03-02/chats.jsonl"));
        warehouse = new Warehouse(spark, temp.resolve("warehouse").toString());
        LocalDate first = LocalDate.parse("2024-03-01");
        night1 = job(input)
                .nights(first, first)
                .run(new Run("run-1", Timestamp.from(Instant.parse("2024-03-02T02:00:00Z"))))
                .execute();
        silverAfterNight1 =
                TestSpark.sortedRows(warehouse.read(Table.SILVER_MESSAGES).collectAsList());
        night1Again = job(input)
                .nights(first, first)
                .run(new Run("run-2", Timestamp.from(Instant.parse("2024-03-02T03:00:00Z"))))
                .execute();
        silverAfterRerun =
                TestSpark.sortedRows(warehouse.read(Table.SILVER_MESSAGES).collectAsList());
        LocalDate second = LocalDate.parse("2024-03-02");
        night2 = job(input)
                .nights(second, second)
                .run(new Run("run-3", Timestamp.from(Instant.parse("2024-03-03T02:00:00Z"))))
                .execute();
    }

    private NightlyJob job(Path input) {
        return new NightlyJob(spark, warehouse, TestSpark.testConfig()).inputDir(input.toString());
    }

    @Test
    void countsReconcileInputAcceptedAndQuarantined() {
        // 13 JSON lines + 3 CSV rows; accepted: 7 JSON conversations + 1 CSV conversation of 2 rows
        assertEquals(2, night1.ingest().inputFiles());
        assertEquals(16, night1.ingest().recordsRead());
        assertEquals(9, night1.ingest().recordsAccepted());
        assertEquals(7, night1.ingest().recordsQuarantined());
        assertEquals(8, night1.ingest().conversationsAccepted());
        assertEquals(
                night1.ingest().recordsRead(),
                night1.ingest().recordsAccepted() + night1.ingest().recordsQuarantined());
        assertEquals(
                7,
                warehouse
                        .read(Table.QUARANTINE)
                        .where(col("run_id").equalTo("run-1"))
                        .count());
    }

    /** Night one's English conversations are labelled en: checked, and none disagrees. */
    @Test
    void theRunRecordsTheCheckOfTheSourcesLanguages() {
        Row logged = warehouse
                .read(Table.PIPELINE_RUNS)
                .where(col("run_id").equalTo("run-1"))
                .first();
        assertTrue(logged.<Long>getAs("languages_checked") > 0, "checked " + logged.getAs("languages_checked"));
        assertEquals(0L, logged.<Long>getAs("language_mismatches"));
        assertEquals(night1.languageCheck().checked(), logged.<Long>getAs("languages_checked"));
    }

    @Test
    void everyBrokenRecordIsQuarantinedWithItsReason() {
        Map<String, String> reasons = new HashMap<>();
        for (Row r : warehouse.read(Table.QUARANTINE).collectAsList()) {
            String key = r.<String>getAs("source_file").replaceAll(".*/", "") + ":" + r.getAs("record_no");
            reasons.put(key, r.getAs("reason_code"));
        }
        assertEquals(
                Map.of(
                        "chats.jsonl:7", "duplicate_conversation",
                        "chats.jsonl:9", "bad_json",
                        "chats.jsonl:10", "bad_csat",
                        "chats.jsonl:11", "unknown_role",
                        "chats.jsonl:12", "missing_field",
                        "chats.jsonl:13", "only_system_messages",
                        "export.csv:3", "csv_ragged_row"),
                reasons);
    }

    @Test
    void handledByFollowsTheRoles() {
        Map<String, String> handledBy = new HashMap<>();
        for (Row r : warehouse.read(Table.SILVER_CONVERSATIONS).collectAsList()) {
            handledBy.put(r.getAs("conversation_id"), r.getAs("handled_by"));
        }
        assertEquals("bot", handledBy.get("c-bot"));
        assertEquals("human", handledBy.get("c-human"));
        assertEquals("bot_to_human", handledBy.get("c-escalated"));
        assertEquals(
                "bot_to_human", handledBy.get("c-nohandoff"), "a bot turn followed by an agent turn, no handoff event");
        assertEquals("bot", handledBy.get("c-csv"));
        assertEquals(9, handledBy.size());
    }

    @Test
    void conversationSignals() {
        Row escalated = conversation("c-escalated");
        assertTrue(escalated.<Boolean>getAs("handoff"));
        assertTrue(escalated.<Boolean>getAs("asked_for_human"));
        assertEquals(1, escalated.<Integer>getAs("asked_for_human_count"));
        assertEquals(300.0, escalated.<Double>getAs("duration_s"), 1e-9, "ended_at defaults to the last message");
        assertEquals(2, escalated.<Integer>getAs("csat"));
        assertTrue(conversation("c-nohandoff").<Boolean>getAs("handoff"));
        assertFalse(conversation("c-bot").<Boolean>getAs("asked_for_human"));

        Row german = conversation("c-de");
        assertEquals("de", german.getAs("language"));
        assertEquals("detected", german.getAs("language_source"));
        assertNull(german.getAs("customer_sentiment_start"), "no English model guesses on German text");

        Row csv = conversation("c-csv");
        assertEquals("cust-8", csv.getAs("customer_id"));
        assertEquals(4, csv.<Integer>getAs("csat"));
        assertEquals("charged_twice", csv.getAs("topic"));
    }

    @Test
    void knownNegativeMessageIsScoredNegative() {
        Row complaint = warehouse
                .read(Table.SILVER_MESSAGES)
                .where(col("conversation_id").equalTo("c-human").and(col("seq").equalTo(0)))
                .first();
        assertTrue(
                complaint.<Double>getAs("sentiment") < -0.25,
                "both sentences are clearly negative to the model; got " + complaint.getAs("sentiment"));
        assertTrue(List.of("negative", "very_negative").contains(complaint.<String>getAs("sentiment_label")));
        assertEquals(2, complaint.<Integer>getAs("sentences"));
        assertEquals("corenlp+lexicon-en", complaint.getAs("sentiment_model"));
        assertTrue(complaint.<Double>getAs("lexicon_sentiment") < -0.5, "worst, unhappy, terrible");
        assertEquals(
                0.5 * complaint.<Double>getAs("corenlp_sentiment") + 0.5 * complaint.<Double>getAs("lexicon_sentiment"),
                complaint.<Double>getAs("sentiment"),
                1e-12,
                "the reported score is the two readers' mean (sentiment.lexicon_weight 0.5)");
        for (Row german : warehouse
                .read(Table.SILVER_MESSAGES)
                .where(col("conversation_id").equalTo("c-de"))
                .collectAsList()) {
            assertEquals("none", german.getAs("sentiment_model"), "no English model reads German");
            assertNull(german.getAs("corenlp_sentiment"));
            assertNull(german.getAs("lexicon_sentiment"));
        }
        Row human = conversation("c-human");
        assertTrue(
                human.<Double>getAs("customer_sentiment_end") > human.<Double>getAs("customer_sentiment_start"),
                "after night 2 the customer ends with thanks");
    }

    @Test
    void messagesAreOrderedByTimestampThenPosition() {
        List<Row> rows = warehouse
                .read(Table.SILVER_MESSAGES)
                .where(col("conversation_id").equalTo("c-unordered"))
                .orderBy("seq")
                .collectAsList();
        assertEquals(
                List.of("I need to change my address.", "Done, your address is changed.", "Great, thank you."),
                rows.stream().map(r -> r.<String>getAs("text")).toList());
    }

    @Test
    void theLastDeliveryOfADuplicateIdWins() {
        List<Row> rows = warehouse
                .read(Table.SILVER_MESSAGES)
                .where(col("conversation_id").equalTo("c-dup"))
                .collectAsList();
        assertEquals(3, rows.size());
        assertTrue(rows.stream().anyMatch(r -> "second delivery".equals(r.getAs("text"))));
    }

    @Test
    void rerunningANightChangesNothing() {
        assertEquals(night1.ingest().recordsRead(), night1Again.ingest().recordsRead());
        assertEquals(0L, night1Again.rowsWritten().get(Table.BRONZE_CONVERSATIONS));
        assertEquals(0L, night1Again.rowsWritten().get(Table.QUARANTINE));
        assertEquals(0L, night1Again.conversationsScored());
        assertEquals(silverAfterNight1, silverAfterRerun);
        assertEquals(
                1,
                warehouse
                        .read(Table.BRONZE_CONVERSATIONS)
                        .where(col("conversation_id").equalTo("c-bot"))
                        .count());
    }

    @Test
    void aRedeliveredConversationReplacesTheOldOne() {
        assertEquals(2, night2.ingest().recordsAccepted());
        assertEquals(9, warehouse.read(Table.BRONZE_CONVERSATIONS).count(), "re-delivery replaces, new one adds");
        assertEquals(
                3,
                warehouse
                        .read(Table.SILVER_MESSAGES)
                        .where(col("conversation_id").equalTo("c-human"))
                        .count());
        assertEquals(
                "run-3",
                warehouse
                        .read(Table.BRONZE_CONVERSATIONS)
                        .where(col("conversation_id").equalTo("c-human"))
                        .first()
                        .getAs("ingest_run_id"));
    }

    @Test
    void goldCohortDailyCountsEachCohort() {
        Map<String, Long> perCohort = new HashMap<>();
        for (Row r : warehouse
                .read(Table.GOLD_COHORT_DAILY)
                .where(col("date").equalTo(java.sql.Date.valueOf("2024-03-01")))
                .collectAsList()) {
            perCohort.put(r.getAs("handled_by"), r.getAs("conversations"));
        }
        assertEquals(Map.of("bot", 3L, "human", 3L, "bot_to_human", 2L), perCohort);
        Row bot = warehouse
                .read(Table.GOLD_COHORT_DAILY)
                .where(col("date")
                        .equalTo(java.sql.Date.valueOf("2024-03-01"))
                        .and(col("handled_by").equalTo("bot")))
                .first();
        assertEquals(2L, bot.<Long>getAs("csat_count"));
        assertEquals(4.5, bot.<Double>getAs("csat_mean"), 1e-9);
    }

    @Test
    void everyNotebookCellRunsOnTheTables() throws Exception {
        warehouse.registerViews();
        List<Path> notebooks;
        try (var files = java.nio.file.Files.list(Path.of("notebooks"))) {
            notebooks =
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(notebooks.size() >= 5, "notebooks/ holds the analysts' notebooks");
        for (Path notebook : notebooks) {
            List<org.csat.report.SqlNotebook.Cell> cells = org.csat.report.SqlNotebook.read(notebook);
            assertTrue(cells.stream().anyMatch(c -> !c.markdown()), notebook + " has SQL cells");
            for (org.csat.report.SqlNotebook.Cell cell : cells) {
                if (!cell.markdown()) {
                    spark.sql(cell.sql()).limit(50).collectAsList();
                }
            }
        }
        Row first = spark.sql(org.csat.report.SqlNotebook.read(Path.of("notebooks/01-daily-overview.sql")).stream()
                        .filter(c -> !c.markdown())
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .sql())
                .where(col("handled_by").equalTo("bot_to_human"))
                .first();
        assertEquals(2L, first.<Long>getAs("conversations"));
    }

    @Test
    void reportStatesTheRolloutAndTheRunAndShowsNoMessageText(@TempDir Path dir) throws Exception {
        org.csat.report.RenderReport.Result written = new org.csat.report.RenderReport(new org.csat.stage.StageContext(
                        spark,
                        warehouse,
                        TestSpark.testConfig(),
                        new Run("run-report", Timestamp.from(Instant.parse("2024-03-03T03:00:00Z")))))
                .output(dir.resolve("report.html").toString())
                .execute();
        String html = java.nio.file.Files.readString(Path.of(written.output()));
        Row drop = warehouse.read(Table.GOLD_QUALITY_DROP).first();
        assertTrue(
                html.contains(
                        drop.isNullAt(drop.fieldIndex("rollout_date"))
                                ? "no bot rollout found"
                                : "bot rollout " + drop.getAs("rollout_date")),
                "the rollout gold_quality_drop used");
        assertTrue(html.contains("\"bot_to_human\""), "weekly figures per cohort");
        assertTrue(html.contains("run-3"), "the tables' latest run");
        assertFalse(html.contains("worst service"), "aggregates only: no customer text");
        assertFalse(html.contains("cust-"), "no customer ids");
    }

    private Row conversation(String id) {
        return warehouse
                .read(Table.SILVER_CONVERSATIONS)
                .where(col("conversation_id").equalTo(id))
                .first();
    }
}
