package org.csat.report;

import static org.csat.report.HtmlTables.escape;
import static org.csat.report.HtmlTables.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.tables.Warehouse;

/**
 * Writes the analysts' report, one self-contained HTML file (no scripts, no external files),
 * from the warehouse's tables: the quality-drop answer when the comparison tables exist, the
 * weekly trend per cohort, raw figures per cohort and topic, and data quality. It shows
 * aggregates only, never message text, so it carries no customer data.
 */
public final class RenderReport {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private Path output;

    public RenderReport(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    public RenderReport output(Path output) {
        if (output == null) {
            throw new IllegalArgumentException("output must be set");
        }
        this.output = output;
        return this;
    }

    /** @return the file written */
    public Path execute() throws IOException {
        if (output == null) {
            throw new IllegalArgumentException("output must be set");
        }
        warehouse.registerViews();
        StringBuilder html = new StringBuilder();
        html.append(
                        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bot vs human: customer satisfaction</title>")
                .append("<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}")
                .append(
                        "table{border-collapse:collapse;margin:.6em 0 1.4em}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}")
                .append(
                        "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}.axis{font-size:11px;fill:#666}")
                .append(".legend{font-size:12px}.note{color:#555}.scroll{overflow-x:auto}</style></head><body>");
        Row span = spark.sql("SELECT min(date), max(date), count(*) FROM silver_conversations")
                .first();
        html.append("<h1>Bot vs human: customer satisfaction</h1><p class=\"note\">")
                .append(
                        span.isNullAt(0)
                                ? "No conversations yet."
                                : "Conversations from " + span.get(0) + " to " + span.get(1) + ": " + span.get(2) + ".")
                .append(" Generated from ")
                .append(escape(warehouse.root()))
                .append(".</p>");

        appendQualityDrop(html);
        appendWeeklyTrend(html);
        html.append("<h2>Raw figures per cohort</h2><p class=\"note\">Unadjusted: the bot takes the easier contacts, "
                + "so these flatter it. The comparison above adjusts for topic, language and complexity.</p>");
        html.append(table(spark.sql("""
                SELECT handled_by, count(*) AS conversations,
                       avg(CASE WHEN asked_for_human THEN 1D ELSE 0D END) AS asked_for_human_rate,
                       avg(CASE WHEN handoff THEN 1D ELSE 0D END) AS handoff_rate,
                       avg(customer_sentiment_end) AS sentiment_end, avg(customer_sentiment_shift) AS sentiment_shift,
                       avg(csat) AS survey_csat, count(csat) AS surveys, avg(duration_s) AS duration_s
                FROM silver_conversations GROUP BY handled_by ORDER BY handled_by"""), 20));
        appendTopics(html);
        html.append("<h2>Data quality</h2>");
        html.append(table(
                spark.sql("SELECT reason_code, count(*) AS records FROM quarantine GROUP BY 1 ORDER BY 2 DESC"), 50));
        html.append(table(spark.sql("""
                SELECT run_id, status, started_at, records_read, records_accepted, records_quarantined, error
                FROM pipeline_runs ORDER BY started_at DESC"""), 10));
        html.append("</body></html>\n");
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, html, StandardCharsets.UTF_8);
        return output;
    }

    private void appendQualityDrop(StringBuilder html) {
        html.append("<h2>How much worse is the bot?</h2>");
        if (!spark.catalog().tableExists("gold_quality_drop")) {
            html.append(
                    "<p class=\"note\">The case-mix adjusted comparison (gold_quality_drop) is not in this warehouse yet.</p>");
            return;
        }
        html.append(table(spark.sql("SELECT * FROM gold_quality_drop"), 50));
    }

    private void appendWeeklyTrend(StringBuilder html) {
        List<Row> weeks = spark.sql("""
                SELECT cast(date_trunc('week', date) AS date) AS week,
                       avg(CASE WHEN handled_by IN ('bot', 'bot_to_human') THEN 1D ELSE 0D END) AS bot_first_share,
                       avg(CASE WHEN handled_by = 'bot' THEN customer_sentiment_end END) AS bot,
                       avg(CASE WHEN handled_by = 'human' THEN customer_sentiment_end END) AS human,
                       avg(CASE WHEN handled_by = 'bot_to_human' THEN customer_sentiment_end END) AS bot_to_human
                FROM silver_conversations GROUP BY 1 ORDER BY 1""").collectAsList();
        List<String> labels = new ArrayList<>();
        Double[] share = new Double[weeks.size()];
        List<Double[]> sentiment =
                List.of(new Double[weeks.size()], new Double[weeks.size()], new Double[weeks.size()]);
        for (int i = 0; i < weeks.size(); i++) {
            Row week = weeks.get(i);
            labels.add(String.valueOf(week.get(0)));
            share[i] = week.isNullAt(1) ? null : week.getDouble(1);
            for (int s = 0; s < 3; s++) {
                sentiment.get(s)[i] = week.isNullAt(2 + s) ? null : week.getDouble(2 + s);
            }
        }
        html.append("<h2>Week by week</h2><p>Share of conversations the bot answered first:</p>")
                .append(HtmlTables.lineChart(labels, List.of("bot-first share"), List.<Double[]>of(share), "share"))
                .append("<p>Customer sentiment at the end of the conversation (−1..1, CoreNLP), per cohort:</p>")
                .append(HtmlTables.lineChart(labels, List.of("bot", "human", "bot_to_human"), sentiment, "sentiment"));
    }

    private void appendTopics(StringBuilder html) {
        html.append("<h2>Per topic</h2><p class=\"note\">Where the bot should hand over: topics with high "
                + "asked-for-human and handoff rates and low end sentiment.</p>");
        String source = spark.catalog().tableExists("gold_topic_quality") ? "SELECT * FROM gold_topic_quality" : """
                SELECT coalesce(topic, '(none)') AS topic, handled_by, count(*) AS conversations,
                       avg(CASE WHEN asked_for_human THEN 1D ELSE 0D END) AS asked_for_human_rate,
                       avg(CASE WHEN handoff THEN 1D ELSE 0D END) AS handoff_rate,
                       avg(customer_sentiment_end) AS sentiment_end, avg(csat) AS survey_csat
                FROM silver_conversations GROUP BY 1, 2 ORDER BY 1, 2""";
        html.append(table(spark.sql(source), 200));
    }
}
