package org.csat.cohort;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.generate.GenerateTranscripts;
import org.csat.job.NightlyJob;
import org.csat.stage.Run;
import org.csat.stage.StageContext;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full nightly job on a small generated input (40 conversations over 10 days, bot live
 * from day 3), through CoreNLP; then the comparison is rebuilt from the same silver: the three
 * tables must exist, agree with silver on their counts, and come out identical on the rebuild.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortNightlyTest {
    private static final LocalDate START = LocalDate.parse("2024-05-01");

    private SparkSession spark;
    private Warehouse warehouse;
    private NightlyJob.Result first;
    private List<String> dropAfterFirst;
    private List<String> comparisonAfterFirst;
    private List<String> topicsAfterFirst;

    @BeforeAll
    void runTwice(@TempDir Path temp) throws Exception {
        spark = TestSpark.session();
        Path input = temp.resolve("in");
        new GenerateTranscripts()
                .outputDir(input)
                .conversations(40)
                .days(10)
                .startDate(START)
                .rolloutDay(3)
                .seed(5)
                .execute();
        warehouse = new Warehouse(spark, temp.resolve("warehouse").toString());
        PipelineConfig config = TestSpark.testConfig().with("cohort.bootstrap_replicates", "50");
        first = new NightlyJob(spark, warehouse, config)
                .inputDir(input.toString())
                .run(new Run("run-1", Timestamp.from(Instant.parse("2024-05-11T02:00:00Z"))))
                .execute();
        dropAfterFirst = rows(Table.GOLD_QUALITY_DROP);
        comparisonAfterFirst = rows(Table.GOLD_COHORT_COMPARISON);
        topicsAfterFirst = rows(Table.GOLD_TOPIC_QUALITY);
        new RebuildGold(new StageContext(
                        spark,
                        warehouse,
                        config,
                        new Run("run-2", Timestamp.from(Instant.parse("2024-05-11T03:00:00Z")))))
                .execute();
    }

    private List<String> rows(Table table) {
        return TestSpark.sortedRows(warehouse.read(table).collectAsList());
    }

    private long silverAfterRollout(String handledByList) {
        return warehouse
                .read(Table.SILVER_CONVERSATIONS)
                .where(col("date")
                        .geq(Date.valueOf(START.plusDays(3)))
                        .and(col("handled_by").isin((Object[]) handledByList.split(","))))
                .count();
    }

    @Test
    void qualityDropHasOneRowPerMetricAndReadsTheQualityColumns() {
        List<Row> drop = warehouse.read(Table.GOLD_QUALITY_DROP).collectAsList();
        assertEquals(QualityMetrics.ALL.size(), drop.size());
        assertEquals(QualityMetrics.ALL.size(), first.rowsWritten().get(Table.GOLD_QUALITY_DROP));
        Row resolved = drop.stream()
                .filter(r -> r.getAs("metric").equals("resolved"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                resolved.<String>getAs("verdict").startsWith("bot-first: "),
                "silver has resolved since the quality stage: " + resolved.<String>getAs("verdict"));
        Row asked = drop.stream()
                .filter(r -> r.getAs("metric").equals("asked_for_human"))
                .findFirst()
                .orElseThrow();
        assertEquals(Date.valueOf(START.plusDays(3)), asked.getAs("rollout_date"));
        assertEquals(silverAfterRollout("bot,bot_to_human"), asked.<Long>getAs("n_bot_first"));
        assertEquals(silverAfterRollout("human"), asked.<Long>getAs("n_human"));
        assertEquals("bot_only_rate", asked.getAs("stated_as"), "humans have no bot to ask past");
        assertNull(asked.getAs("adjusted_difference"), "a bot-only rate is no gap");
        assertNull(asked.getAs("human_baseline"));
        assertNull(asked.getAs("significant"));
        double botRate = asked.getAs("bot_first");
        assertTrue(asked.<Double>getAs("ci_low") <= botRate && botRate <= asked.<Double>getAs("ci_high"));
        assertTrue(asked.<String>getAs("verdict").startsWith("bot-only: "), asked.<String>getAs("verdict"));
        assertEquals("gap", resolved.getAs("stated_as"));
        Row handleTime = drop.stream()
                .filter(r -> r.getAs("metric").equals("handle_time_s"))
                .findFirst()
                .orElseThrow();
        assertEquals("handle_time_s", handleTime.getAs("source_column"), "handle_time_s is preferred over duration_s");
    }

    @Test
    void comparisonHasEveryMethodForTheFairContrast() {
        List<String> methods = warehouse
                .read(Table.GOLD_COHORT_COMPARISON)
                .where(col("metric")
                        .equalTo("asked_for_human")
                        .and(col("comparison").equalTo("bot_first_vs_human")))
                .select("method")
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .sorted()
                .toList();
        assertEquals(List.of("ipw", "raw", "stratified"), methods);
        Row raw = warehouse
                .read(Table.GOLD_COHORT_COMPARISON)
                .where(col("metric")
                        .equalTo("asked_for_human")
                        .and(col("comparison").equalTo("bot_first_vs_human"))
                        .and(col("method").equalTo("raw")))
                .first();
        double treated = raw.getAs("treated_mean");
        assertTrue(raw.<Double>getAs("treated_ci_low") <= treated && treated <= raw.<Double>getAs("treated_ci_high"));
        assertEquals(treated - raw.<Double>getAs("control_mean"), raw.<Double>getAs("estimate"), 1e-8);
        assertTrue(warehouse
                        .read(Table.GOLD_COHORT_COMPARISON)
                        .where(col("method").equalTo("before_after"))
                        .count()
                > 0);
    }

    @Test
    void topicQualityCoversEveryTopicWithAnAllRow() {
        Row all = warehouse
                .read(Table.GOLD_TOPIC_QUALITY)
                .where(col("topic")
                        .equalTo("ALL")
                        .and(col("cohort").equalTo("human"))
                        .and(col("metric").equalTo("asked_for_human")))
                .first();
        assertEquals(silverAfterRollout("human"), all.<Long>getAs("n"));
        assertFalse(warehouse
                .read(Table.GOLD_TOPIC_QUALITY)
                .where(col("topic").notEqual("ALL"))
                .isEmpty());
    }

    @Test
    void topicsAreJudgedOnlyWithEnoughConversationsASideAndNeverOnABotOnlyRate() {
        int minN = TestSpark.testConfig().comparison().topicMinN();
        List<Row> rows = warehouse
                .read(Table.GOLD_TOPIC_QUALITY)
                .where(col("cohort").notEqual("human"))
                .collectAsList();
        assertFalse(rows.isEmpty());
        for (Row row : rows) {
            boolean enough = row.<Long>getAs("n") >= minN && row.<Long>getAs("human_n") >= minN;
            boolean botOnly = row.getAs("metric").equals("asked_for_human");
            if (!enough || botOnly) {
                assertNull(row.getAs("worse_than_human"), "not judged: " + row);
            } else {
                assertNotNull(row.getAs("worse_than_human"), "judged: " + row);
            }
            if (botOnly) {
                assertNull(row.getAs("difference_vs_human"), "a bot-only rate has no gap: " + row);
            }
        }
    }

    @Test
    void everyPValueAgreesWithItsInterval() {
        List<Row> rows = warehouse
                .read(Table.GOLD_COHORT_COMPARISON)
                .where(col("p_value").isNotNull())
                .collectAsList();
        assertFalse(rows.isEmpty());
        for (Row row : rows) {
            boolean excludesZero = row.<Double>getAs("ci_low") > 0 || row.<Double>getAs("ci_high") < 0;
            assertEquals(excludesZero, row.<Boolean>getAs("significant"), row.toString());
            assertEquals(excludesZero, row.<Double>getAs("p_value") < 0.05, row.toString());
        }
    }

    @Test
    void rebuildingLeavesTheTablesIdentical() {
        assertEquals(dropAfterFirst, rows(Table.GOLD_QUALITY_DROP));
        assertEquals(comparisonAfterFirst, rows(Table.GOLD_COHORT_COMPARISON));
        assertEquals(topicsAfterFirst, rows(Table.GOLD_TOPIC_QUALITY));
    }
}
