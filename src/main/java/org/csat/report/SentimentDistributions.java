package org.csat.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How customers feel at the start and at the end of a conversation, per cohort: the share of
 * each cohort's conversations in each band of CoreNLP sentiment (−1..1 in eight bands), after
 * the rollout when there is one, so the cohorts share a period. The start shows the case mix the
 * bot gets; the end, where it leaves customers.
 */
final class SentimentDistributions {
    private static final int BINS = 8;
    private static final List<String> COHORTS = List.of("bot", "bot_to_human", "human");
    private static final List<String> MOMENTS = List.of("customer_sentiment_start", "customer_sentiment_end");

    private final Map<String, Map<String, double[]>> shares;
    private final Map<String, Long> scored;
    private final LocalDate since;

    private SentimentDistributions(
            Map<String, Map<String, double[]>> shares, Map<String, Long> scored, LocalDate since) {
        this.shares = shares;
        this.scored = scored;
        this.since = since;
    }

    static SentimentDistributions read(SparkSession spark, LocalDate rollout) {
        Map<String, Map<String, double[]>> shares = new LinkedHashMap<>();
        Map<String, Long> scored = new LinkedHashMap<>();
        String period = rollout == null ? "" : " AND date >= DATE'" + rollout + "'";
        for (String moment : MOMENTS) {
            List<Row> rows = spark.sql(String.format(Locale.ROOT, """
                            SELECT handled_by, cast(least(floor((%1$s + 1) * %2$d / 2), %3$d) AS int) AS bin,
                                   count(*) AS conversations
                            FROM silver_conversations
                            WHERE %1$s IS NOT NULL AND handled_by IN ('bot', 'bot_to_human', 'human')%4$s
                            GROUP BY 1, 2""", moment, BINS, BINS - 1, period))
                    .collectAsList();
            Map<String, double[]> byCohort = new LinkedHashMap<>();
            for (String cohort : COHORTS) {
                double[] counts = new double[BINS];
                long total = 0;
                for (Row row : rows) {
                    if (cohort.equals(row.getAs("handled_by"))) {
                        counts[row.<Integer>getAs("bin")] += row.<Long>getAs("conversations");
                        total += row.<Long>getAs("conversations");
                    }
                }
                if (total > 0) {
                    for (int i = 0; i < BINS; i++) {
                        counts[i] /= total;
                    }
                    byCohort.put(cohort, counts);
                }
                scored.merge(cohort, total, Math::max);
            }
            shares.put(moment, byCohort);
        }
        return new SentimentDistributions(shares, scored, rollout);
    }

    int charts() {
        return (int) shares.values().stream().filter(m -> !m.isEmpty()).count();
    }

    String html() {
        StringBuilder html = new StringBuilder("<section id=\"sentiment\"><h2>How customers feel</h2>");
        if (charts() == 0) {
            return html.append("<p class=\"empty\">No customer message has a sentiment score yet (CoreNLP scores ")
                    .append("the languages of sentiment.languages).</p></section>")
                    .toString();
        }
        html.append("<p class=\"note\">Share of each cohort's conversations by the customer's sentiment in their ")
                .append("first and last scored message (CoreNLP, −1 very negative to 1 very positive)")
                .append(since == null ? "" : ", from the rollout on (" + since + ")")
                .append(". Conversations with a score: ");
        List<String> counts = new ArrayList<>();
        scored.forEach((cohort, n) -> counts.add(cohort + " " + Html.count(n)));
        html.append(Html.escape(String.join(", ", counts))).append(".</p><div class=\"pair\">");
        for (String moment : MOMENTS) {
            if (!shares.get(moment).isEmpty()) {
                html.append("<div><h3>")
                        .append(moment.endsWith("start") ? "At the start" : "At the end")
                        .append("</h3><div class=\"chart\" id=\"sentiment-")
                        .append(moment.endsWith("start") ? "start" : "end")
                        .append("\" data-chart=\"sentiment\" data-moment=\"")
                        .append(moment)
                        .append("\"></div></div>");
            }
        }
        return html.append("</div></section>").toString();
    }

    Map<String, Object> chartData() {
        List<String> bands = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            bands.add(String.format(Locale.ROOT, "%.2f to %.2f", -1 + 2.0 * i / BINS, -1 + 2.0 * (i + 1) / BINS));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bands", bands);
        data.putAll(shares);
        return data;
    }
}
