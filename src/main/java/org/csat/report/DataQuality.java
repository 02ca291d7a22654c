package org.csat.report;

import static org.csat.report.Html.count;
import static org.csat.report.Html.escape;
import static org.csat.report.Html.longOrZero;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The data behind the answer: per run, records read = accepted + quarantined (the run writing
 * this report first, when the nightly job writes it as its last step, before its own row reaches
 * {@code pipeline_runs}); the quarantine by reason code (never the records themselves); and per
 * language how many customer messages CoreNLP scored.
 */
final class DataQuality {
    /** One run's reconciled counts, as in {@code pipeline_runs}. */
    record RunCounts(String runId, String status, String startedAt, long read, long accepted, long quarantined) {}

    private static final int RUNS_SHOWN = 30;

    private final List<RunCounts> runs;
    private final Map<String, Long> reasons;
    private final List<Row> languages;

    private DataQuality(List<RunCounts> runs, Map<String, Long> reasons, List<Row> languages) {
        this.runs = runs;
        this.reasons = reasons;
        this.languages = languages;
    }

    /** @param thisRun the run writing the report, not yet in pipeline_runs; null when the report is written on its own */
    static DataQuality read(SparkSession spark, RunCounts thisRun) {
        List<RunCounts> runs = new ArrayList<>();
        if (thisRun != null) {
            runs.add(thisRun);
        }
        spark.sql("SELECT run_id, status, cast(started_at AS string) AS started_at, records_read, records_accepted,"
                        + " records_quarantined FROM pipeline_runs ORDER BY started_at DESC LIMIT " + RUNS_SHOWN)
                .collectAsList()
                .forEach(r -> runs.add(new RunCounts(
                        r.getAs("run_id"),
                        r.getAs("status"),
                        r.getAs("started_at"),
                        longOrZero(r, "records_read"),
                        longOrZero(r, "records_accepted"),
                        longOrZero(r, "records_quarantined"))));
        Map<String, Long> reasons = new LinkedHashMap<>();
        spark.sql("SELECT reason_code, count(*) AS records FROM quarantine GROUP BY 1 ORDER BY 2 DESC, 1")
                .collectAsList()
                .forEach(r -> reasons.put(r.getAs("reason_code"), r.getAs("records")));
        List<Row> languages = spark.sql("""
                        SELECT coalesce(language, 'unknown') AS language, count(*) AS messages,
                               count(sentiment) AS scored
                        FROM silver_messages WHERE role = 'customer'
                        GROUP BY 1 ORDER BY 2 DESC, 1""").collectAsList();
        return new DataQuality(runs, reasons, languages);
    }

    /** The run whose tables the report shows: the one writing it, else the latest logged. */
    RunCounts latest() {
        return runs.isEmpty() ? null : runs.get(0);
    }

    int charts() {
        return (runs.isEmpty() ? 0 : 1) + (reasons.isEmpty() ? 0 : 1);
    }

    String html() {
        StringBuilder html = new StringBuilder("<section id=\"quality\"><h2>Data quality</h2>");
        RunCounts latest = latest();
        if (latest == null) {
            html.append("<p class=\"empty\">No run logged in pipeline_runs yet.</p>");
        } else {
            html.append("<p class=\"reconcile\">Run <code>")
                    .append(escape(latest.runId()))
                    .append("</code> (")
                    .append(escape(latest.status()))
                    .append("): <b>")
                    .append(count(latest.read()))
                    .append("</b> records read = <b>")
                    .append(count(latest.accepted()))
                    .append("</b> accepted + <b>")
                    .append(count(latest.quarantined()))
                    .append("</b> quarantined")
                    .append(latest.read() == latest.accepted() + latest.quarantined() ? "" : " (does not add up!)")
                    .append(". Every rejected record is kept in <code>quarantine</code> with its reason.</p>");
        }
        html.append("<div class=\"pair\">");
        if (!runs.isEmpty()) {
            html.append("<div><h3>Records per run</h3>")
                    .append("<div class=\"chart\" id=\"quality-runs\" data-chart=\"runs\"></div></div>");
        }
        html.append("<div><h3>Quarantine by reason</h3>");
        if (reasons.isEmpty()) {
            html.append("<p class=\"empty\">Nothing quarantined.</p>");
        } else {
            html.append("<div class=\"chart\" id=\"quality-reasons\" data-chart=\"reasons\"></div>")
                    .append("<p class=\"note\">Reason codes: docs/reliability.md.</p>");
        }
        html.append("</div></div>");
        languagesTable(html);
        return html.append("</section>").toString();
    }

    private void languagesTable(StringBuilder html) {
        if (languages.isEmpty()) {
            return;
        }
        html.append("<h3>Customer messages by language, and how many CoreNLP scored</h3>")
                .append("<table class=\"small\"><thead><tr><th>language</th><th class=\"n\">messages</th>")
                .append("<th class=\"n\">scored</th><th class=\"n\">share scored</th></tr></thead><tbody>");
        for (Row row : languages) {
            long messages = row.getAs("messages");
            long scored = row.getAs("scored");
            html.append("<tr><td>")
                    .append(escape(row.getAs("language")))
                    .append("</td><td class=\"n\">")
                    .append(count(messages))
                    .append("</td><td class=\"n\">")
                    .append(count(scored))
                    .append("</td><td class=\"n\">")
                    .append(Html.percent(messages == 0 ? 0 : (double) scored / messages))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    Map<String, Object> chartData() {
        Map<String, Object> data = new LinkedHashMap<>();
        List<RunCounts> oldestFirst = new ArrayList<>(runs);
        java.util.Collections.reverse(oldestFirst);
        data.put("runs", oldestFirst);
        data.put("reasons", reasons);
        return data;
    }
}
