package org.csat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.generate.GenerateTranscripts;
import org.csat.job.NightlyJob;
import org.csat.stage.Run;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real nightly run, opened in a real headless Chromium. The run: 360 generated
 * conversations over five weeks, the bot live from day 10, one broken record, and the job
 * writing the report as its last step ({@code report.output}). The page must load offline with
 * no console error, exception or request outside the file, draw every chart the tables call for
 * (one per estimated gap, the topic rankings, two weekly, two sentiment, languages, two data quality), draw
 * them again for every metric a switch offers, and show the answer and where the bot is worse on
 * the first screen at 1400 px. Screenshots stay under target/report-screenshots/. A second test
 * breaks a copy of the page twice (a script error, an emptied chart) to show the checks catch both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInChromiumTest {
    private static final Path SCREENSHOTS = Path.of("target/report-screenshots");
    private static final int TOPIC_MIN_N = 5;

    private SparkSession spark;
    private Path report;
    private String html;

    @BeforeAll
    void runTheNightWithTheReportAsItsLastStep(@TempDir Path temp) throws Exception {
        spark = TestSpark.session();
        Path input = temp.resolve("in");
        new GenerateTranscripts()
                .outputDir(input)
                .conversations(360)
                .days(35)
                .startDate(LocalDate.parse("2024-04-01"))
                .rolloutDay(10)
                .seed(17)
                .execute();
        Files.writeString(input.resolve("2024-04-03/broken.jsonl"), "{\"conversation_id\": \"cut off\n");
        report = temp.resolve("out/report.html");
        PipelineConfig config = TestSpark.testConfig()
                .with("cohort.bootstrap_replicates", "50")
                .with("cohort.topic_min_n", Integer.toString(TOPIC_MIN_N))
                .with("sentiment.roles", "customer")
                .with("report.output", report.toString());
        Warehouse warehouse = new Warehouse(spark, temp.resolve("warehouse").toString());
        new NightlyJob(spark, warehouse, config)
                .inputDir(input.toString())
                .run(new Run("run-report-test", Timestamp.from(Instant.parse("2024-05-06T02:00:00Z"))))
                .execute();
        html = Files.readString(report);
        warehouse.registerViews();
    }

    @Test
    void everyChartIsDrawnWithoutAnErrorAndTheAnswerIsOnTheFirstScreen() throws Exception {
        try (ReportInBrowser page = ReportInBrowser.open(report)) {
            page.screenshotFirstScreen(SCREENSHOTS.resolve("first-screen-1400.png"));
            page.screenshotWholePage(SCREENSHOTS.resolve("whole-page-1400.png"));
            assertEquals(List.of(), page.problems(), "the page loads offline without an error");

            List<ReportInBrowser.ChartCheck> charts = page.charts();
            Set<String> ids =
                    charts.stream().map(ReportInBrowser.ChartCheck::id).collect(Collectors.toSet());
            assertEquals(expectedCharts(), new TreeSet<>(ids), "the charts the tables call for");
            for (ReportInBrowser.ChartCheck chart : charts) {
                assertTrue(chart.drawn(), "chart drawn with its data: " + chart);
            }

            assertTrue(page.bottomOf("table.answer") <= ReportInBrowser.HEIGHT, "every gap on the first screen");
            assertTrue(page.bottomOf("#topics-top") <= ReportInBrowser.HEIGHT, "where, on the first screen");

            Map<String, ReportInBrowser.ChartCheck> redrawn = page.clickEverySwitch();
            assertTrue(redrawn.size() >= 10, "every metric of the topic and weekly switches: " + redrawn.keySet());
            redrawn.forEach((button, chart) -> assertTrue(chart.drawn(), button + " redraws its chart: " + chart));
            assertEquals(List.of(), page.problems(), "switching metrics raises no error");
        }
    }

    /** The charts the tables call for, worked out from the tables rather than from the report's code. */
    private Set<String> expectedCharts() {
        Set<String> expected = new TreeSet<>();
        spark.sql("SELECT metric FROM gold_quality_drop WHERE stated_as = 'gap' AND adjusted_difference IS NOT NULL")
                .collectAsList()
                .forEach(r -> expected.add("gap-" + r.getString(0)));
        assertTrue(expected.size() >= 6, "the run estimates most gaps: " + expected);
        long rankedTopics = spark.sql("SELECT count(*) FROM gold_topic_quality WHERE cohort = 'bot_first'"
                        + " AND metric = 'resolved' AND topic <> 'ALL' AND n >= " + TOPIC_MIN_N + " AND human_n >= "
                        + TOPIC_MIN_N)
                .first()
                .getLong(0);
        long rankedRates = spark.sql("SELECT count(*) FROM gold_topic_quality WHERE cohort = 'bot_first'"
                        + " AND metric = 'asked_for_human' AND topic <> 'ALL' AND n >= " + TOPIC_MIN_N)
                .first()
                .getLong(0);
        long quarantined = spark.sql("SELECT count(*) FROM quarantine").first().getLong(0);
        assertTrue(rankedTopics > 0 && rankedRates > 0 && quarantined > 0, "the night exercises every chart");
        expected.addAll(List.of(
                "topics-top",
                "rates-top",
                "topics-all",
                "weekly-volume",
                "weekly-metric",
                "sentiment-start",
                "sentiment-end",
                "languages-coverage",
                "quality-runs",
                "quality-reasons"));
        return expected;
    }

    @Test
    void eachLanguageShowsItsConversationsAndTheShareWithASentimentScore() {
        List<Row> languages = spark.sql("""
                        SELECT language, count(*) AS conversations,
                               count(customer_sentiment_end) / count(*) AS scored,
                               count_if(array_contains(customer_signals, 'gratitude')) / count(*) AS gratitude
                        FROM silver_conversations GROUP BY language""").collectAsList();
        assertTrue(languages.size() >= 4, "the generator writes en, de, fr, es and sv: " + languages);
        for (Row language : languages) {
            String code = language.getString(0);
            String row = String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td class=\"n\">%,d</td><td class=\"n\">%.1f%%</td><td class=\"n\">",
                    code,
                    language.getLong(1),
                    100 * language.getDouble(2));
            assertTrue(html.contains(row), "the languages table has " + row);
        }
        Row foreign = spark.sql("""
                        SELECT count(*), count(customer_sentiment_end) FROM silver_conversations
                        WHERE language IN ('de', 'fr', 'es', 'sv')""").first();
        assertTrue(foreign.getLong(0) > 20, "the generator writes a fifth of its chats in de, fr, es and sv");
        assertTrue(
                foreign.getLong(1) <= 0.1 * foreign.getLong(0),
                "only English messages are scored, so few German, French, Spanish or Swedish chats have a score: "
                        + foreign);
        assertTrue(
                languages.stream().anyMatch(l -> l.getString(0).equals("en") && l.getDouble(2) > 0.5),
                "most English conversations have a score");
        assertTrue(languages.stream().anyMatch(l -> l.getDouble(3) > 0), "customers thank in some language");
        assertTrue(html.contains("de is not listed") || html.contains("not stated: de has"), "why de is not stated");
    }

    @Test
    void theReportSaysWhenAndFromWhichRunAndCarriesNoMessageText() {
        assertTrue(html.contains("run-report-test") && html.contains("written as its last step"), "which run");
        assertTrue(html.contains("generated <time>"), "when");
        assertTrue(html.contains("records read = "), "read = accepted + quarantined");
        List<Row> messages = spark.sql("SELECT text FROM silver_messages WHERE role = 'customer'"
                        + " AND length(text) > 25 ORDER BY conversation_id, seq LIMIT 50")
                .collectAsList();
        assertFalse(messages.isEmpty());
        for (Row message : messages) {
            assertFalse(html.contains(message.getString(0)), "no message text: " + message.getString(0));
        }
        assertFalse(html.contains("cust-"), "no customer ids");
    }

    @Test
    void theChecksCatchAScriptErrorAndAnEmptyChart(@TempDir Path temp) throws Exception {
        Path thrown = temp.resolve("thrown.html");
        Files.writeString(thrown, html.replace("</body>", "<script>reportNeverDefinedThis();</script></body>"));
        try (ReportInBrowser page = ReportInBrowser.open(thrown)) {
            assertTrue(
                    page.problems().stream().anyMatch(p -> p.contains("reportNeverDefinedThis")),
                    "a script error is reported: " + page.problems());
        }
        Path emptied = temp.resolve("emptied.html");
        String dataEnd = "</script>";
        int data = html.indexOf(dataEnd, html.indexOf("id=\"report-data\""));
        Files.writeString(
                emptied,
                html.substring(0, data + dataEnd.length())
                        + "<script>(() => { const e = document.getElementById('report-data');"
                        + " const d = JSON.parse(e.textContent); d.weekly.volume = {};"
                        + " e.textContent = JSON.stringify(d); })();</script>"
                        + html.substring(data + dataEnd.length()));
        try (ReportInBrowser page = ReportInBrowser.open(emptied)) {
            assertEquals(List.of(), page.problems());
            ReportInBrowser.ChartCheck volume = page.charts().stream()
                    .filter(c -> c.id().equals("weekly-volume"))
                    .findFirst()
                    .orElseThrow();
            assertFalse(volume.drawn(), "a chart without data is caught: " + volume);
        }
    }
}
