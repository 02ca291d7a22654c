package org.csat.report;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.nlp.LanguageTags;

/**
 * What each language gets, per conversation: how many conversations there are, the share with
 * a sentiment score (at least one customer message scored, i.e. {@code customer_sentiment_end}
 * is set: only English is scored), the share in which a customer message fired each customer
 * signal ({@code customer_signals}), and whether the comparison states the language on its own
 * ({@code gold_quality_drop_by_language}, {@code cohort.languages}) or why not. Languages are
 * primary subtags ("pt-BR" is pt), as in the comparison's cut.
 */
final class LanguageCoverage {
    /** The customer signals the issue names; their phrase lists exist in every listed language. */
    static final List<String> SIGNALS =
            List.of("asked_for_human", "resolution_confirmed", "unresolved", "frustration", "gratitude", "goodbye");

    private final List<Row> languages;
    private final Map<String, String> comparison;

    private LanguageCoverage(List<Row> languages, Map<String, String> comparison) {
        this.languages = languages;
        this.comparison = comparison;
    }

    static LanguageCoverage read(SparkSession spark) {
        Dataset<Row> silver = spark.table("silver_conversations");
        Column signals = List.of(silver.columns()).contains("customer_signals")
                ? col("customer_signals")
                : lit(null).cast("array<string>");
        List<Column> measures = new ArrayList<>(List.of(
                count(col("customer_sentiment_end")).as("with_sentiment"),
                count(signals).as("with_signals")));
        for (String signal : SIGNALS) {
            measures.add(count(when(array_contains(signals, signal), lit(1))).as(signal));
        }
        List<Row> languages = silver.groupBy(LanguageTags.primarySubtagOrUndetermined(col("language"))
                        .as("language"))
                .agg(count(lit(1)).as("conversations"), measures.toArray(new Column[0]))
                .orderBy(col("conversations").desc(), col("language"))
                .collectAsList();
        Map<String, String> comparison = new LinkedHashMap<>();
        spark.table("gold_quality_drop_by_language")
                .groupBy("language")
                .agg(max("stated").as("stated"), first(when(col("stated").equalTo(false), col("verdict")), true))
                .collectAsList()
                .forEach(row ->
                        comparison.put(row.getString(0), row.getBoolean(1) ? "stated on its own" : row.getString(2)));
        return new LanguageCoverage(languages, comparison);
    }

    int charts() {
        return languages.isEmpty() ? 0 : 1;
    }

    String html() {
        StringBuilder html = new StringBuilder("<section id=\"languages\"><h2>Languages</h2>");
        if (languages.isEmpty()) {
            return html.append("<p class=\"empty\">No conversations yet.</p></section>")
                    .toString();
        }
        html.append("<p class=\"note\">Per language, the share of conversations with a sentiment score (at least one ")
                .append("customer message scored: only English is) and in which a customer message fired each ")
                .append("signal (phrase lists of the language). The comparison states a language on its own when ")
                .append("cohort.languages lists it and it has enough conversations a side: ")
                .append("<code>gold_quality_drop_by_language</code>.</p>")
                .append("<div class=\"chart\" id=\"languages-coverage\" data-chart=\"languages\"></div>")
                .append("<table class=\"small\"><thead><tr><th>language</th><th class=\"n\">conversations</th>")
                .append("<th class=\"n\">sentiment score</th>");
        for (String signal : SIGNALS) {
            html.append("<th class=\"n\">").append(Html.escape(signal)).append("</th>");
        }
        html.append("<th>comparison</th></tr></thead><tbody>");
        for (Row row : languages) {
            long conversations = row.getAs("conversations");
            long withSignals = row.getAs("with_signals");
            html.append("<tr><td>")
                    .append(Html.escape(row.getAs("language")))
                    .append("</td><td class=\"n\">")
                    .append(Html.count(conversations))
                    .append("</td><td class=\"n\">")
                    .append(Html.percent(share(row.getAs("with_sentiment"), conversations)));
            for (String signal : SIGNALS) {
                html.append("</td><td class=\"n\">")
                        .append(withSignals == 0 ? Html.NONE : Html.percent(share(row.getAs(signal), withSignals)));
            }
            html.append("</td><td>")
                    .append(Html.escape(comparison.getOrDefault(row.getAs("language"), "not compared yet")))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>")
                .append(signalsNote())
                .append("</section>")
                .toString();
    }

    /** Conversations scored before customer_signals existed have none recorded until re-scored. */
    private String signalsNote() {
        long all = 0;
        long recorded = 0;
        for (Row row : languages) {
            all += row.<Long>getAs("conversations");
            recorded += row.<Long>getAs("with_signals");
        }
        return recorded == all
                ? ""
                : "<p class=\"note\">Signal shares are of the " + Html.count(recorded) + " of " + Html.count(all)
                        + " conversations with customer_signals recorded; the others were scored before it existed"
                        + " (<code>bin/csat nightly --rescore</code> fills it).</p>";
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    Map<String, Object> chartData() {
        List<String> names = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("sentiment score", new ArrayList<>());
        SIGNALS.forEach(signal -> series.put(signal, new ArrayList<>()));
        for (Row row : languages) {
            long conversations = row.getAs("conversations");
            long withSignals = row.getAs("with_signals");
            names.add(row.getAs("language"));
            series.get("sentiment score").add(share(row.getAs("with_sentiment"), conversations));
            for (String signal : SIGNALS) {
                series.get(signal).add(withSignals == 0 ? null : share(row.getAs(signal), withSignals));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("languages", names);
        data.put("series", series);
        return data;
    }
}
