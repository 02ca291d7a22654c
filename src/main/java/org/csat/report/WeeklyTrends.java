package org.csat.report;

import static org.csat.report.Html.escape;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.cohort.QualityMetric;
import org.csat.cohort.QualityMetrics;

/**
 * Week by week, per cohort ({@code handled_by}, and bot-first = bot + bot_to_human): how many
 * conversations, and each quality metric's raw weekly mean, read from the same silver columns
 * as the comparison. The rollout is marked on both charts. Raw figures: the weekly lines show
 * trends and the rollout's effect on the service, not the like-for-like gap.
 */
final class WeeklyTrends {
    /** Cohorts in the order of the charts' legends. */
    static final List<String> COHORTS = List.of("bot_first", "bot", "bot_to_human", "human", "none");

    private final List<String> weeks;
    private final Map<String, long[]> volume;
    private final Map<QualityMetric, Map<String, Double[]>> metrics;
    private final LocalDate rollout;

    private WeeklyTrends(
            List<String> weeks,
            Map<String, long[]> volume,
            Map<QualityMetric, Map<String, Double[]>> metrics,
            LocalDate rollout) {
        this.weeks = weeks;
        this.volume = volume;
        this.metrics = metrics;
        this.rollout = rollout;
    }

    static WeeklyTrends read(SparkSession spark, LocalDate rollout) {
        Map<QualityMetric, String> columns = QualityMetrics.select(
                        spark.table("silver_conversations").schema())
                .sources();
        StringBuilder sql = new StringBuilder("SELECT cast(week AS string) AS week, cohort, count(*) AS conversations");
        columns.forEach((metric, column) -> sql.append(", avg(cast(`")
                .append(column)
                .append("` AS double)) AS `")
                .append(metric.name())
                .append('`'));
        sql.append("""
                 FROM (SELECT *, cast(date_trunc('week', date) AS date) AS week FROM silver_conversations)
                 LATERAL VIEW explode(CASE WHEN handled_by IN ('bot', 'bot_to_human')
                                           THEN array(handled_by, 'bot_first') ELSE array(handled_by) END) c AS cohort
                 GROUP BY week, cohort""");
        List<Row> rows = spark.sql(sql.toString()).collectAsList();
        List<String> weeks = new ArrayList<>(
                new TreeSet<>(rows.stream().map(r -> r.<String>getAs("week")).toList()));
        Map<String, long[]> volume = new TreeMap<>();
        Map<QualityMetric, Map<String, Double[]>> means = new LinkedHashMap<>();
        columns.keySet().forEach(metric -> means.put(metric, new TreeMap<>()));
        for (Row row : rows) {
            String cohort = row.getAs("cohort");
            int week = weeks.indexOf(row.<String>getAs("week"));
            volume.computeIfAbsent(cohort, c -> new long[weeks.size()])[week] = row.<Long>getAs("conversations");
            for (QualityMetric metric : columns.keySet()) {
                Double[] series = means.get(metric).computeIfAbsent(cohort, c -> new Double[weeks.size()]);
                series[week] = row.getAs(metric.name());
            }
        }
        return new WeeklyTrends(weeks, volume, means, rollout);
    }

    boolean isEmpty() {
        return weeks.isEmpty();
    }

    int charts() {
        return isEmpty() ? 0 : 2;
    }

    String html() {
        StringBuilder html = new StringBuilder("<section id=\"weekly\"><h2>Week by week</h2>");
        if (isEmpty()) {
            return html.append("<p class=\"empty\">No conversations yet.</p></section>")
                    .toString();
        }
        html.append("<p class=\"note\">Raw weekly figures per cohort (bot-first = bot + bot_to_human)")
                .append(rollout == null ? "; no rollout found" : ", the rollout marked")
                .append(". The bot takes easier contacts, so compare cohorts with the adjusted gaps above.</p>")
                .append("<div class=\"pair\"><div><h3>Conversations per week</h3>")
                .append("<div class=\"chart\" id=\"weekly-volume\" data-chart=\"volume\"></div></div>")
                .append("<div><h3>Per cohort, by week</h3><div class=\"switch\" data-for=\"weekly-metric\">");
        boolean first = true;
        for (QualityMetric metric : metrics.keySet()) {
            html.append("<button type=\"button\" data-metric=\"")
                    .append(escape(metric.name()))
                    .append(first ? "\" class=\"on\">" : "\">")
                    .append(escape(metric.label()))
                    .append("</button>");
            first = false;
        }
        String initial =
                metrics.keySet().stream().findFirst().map(QualityMetric::name).orElse("");
        return html.append("</div><div class=\"chart\" id=\"weekly-metric\" data-chart=\"weekly\" data-metric=\"")
                .append(escape(initial))
                .append("\"></div></div></div></section>")
                .toString();
    }

    Map<String, Object> chartData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("weeks", weeks);
        data.put(
                "rollout", Optional.ofNullable(rollout).map(LocalDate::toString).orElse(null));
        Map<String, long[]> orderedVolume = new LinkedHashMap<>();
        COHORTS.stream()
                .filter(c -> !c.equals("bot_first") && volume.containsKey(c))
                .forEach(c -> orderedVolume.put(c, volume.get(c)));
        data.put("volume", orderedVolume);
        Map<String, Object> byMetric = new LinkedHashMap<>();
        metrics.forEach((metric, series) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", metric.label());
            m.put("rate", metric.isRate());
            Map<String, Double[]> ordered = new LinkedHashMap<>();
            COHORTS.stream()
                    .filter(c -> !c.equals("none") && series.containsKey(c))
                    .forEach(c -> ordered.put(c, series.get(c)));
            m.put("series", ordered);
            byMetric.put(metric.name(), m);
        });
        data.put("metrics", byMetric);
        return data;
    }
}
