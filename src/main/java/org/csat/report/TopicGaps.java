package org.csat.report;

import static org.csat.report.Html.booleanOrNull;
import static org.csat.report.Html.count;
import static org.csat.report.Html.doubleOrNull;
import static org.csat.report.Html.escape;
import static org.csat.report.Html.longOrZero;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.cohort.QualityMetric;
import org.csat.cohort.QualityMetrics;

/**
 * Where the bot is worse: per metric, the bot-first topics of {@code gold_topic_quality} after
 * the rollout with at least {@code cohort.topic_min_n} conversations a side, ranked by the gap
 * within the topic, worst for customers first; for a bot-only rate (asked for a human), the
 * topics with that many bot-first conversations, highest rate first. The other topics are
 * counted and listed by name with their sizes, never silently left out.
 */
final class TopicGaps {
    /** How many topics each first-screen chart shows; the section below shows all. */
    static final int FIRST_SCREEN_TOPICS = 8;

    /** One topic on one metric: the bot-first level with its interval, and its gap from human-first. */
    record TopicFigure(
            String topic,
            long n,
            long humanN,
            Double bot,
            Double botLow,
            Double botHigh,
            Double human,
            Double gap,
            Double low,
            Double high,
            Boolean worse) {}

    /** The topics of one metric: those ranked, and those with too few conversations. */
    record MetricTopics(QualityMetric metric, List<TopicFigure> ranked, List<TopicFigure> tooFew) {
        int total() {
            return ranked.size() + tooFew.size();
        }
    }

    private final Map<String, MetricTopics> byMetric;
    private final String headlineMetric;
    private final int minN;

    private TopicGaps(Map<String, MetricTopics> byMetric, String headlineMetric, int minN) {
        this.byMetric = byMetric;
        this.headlineMetric = headlineMetric;
        this.minN = minN;
    }

    /** @param headlineMetric the gap metric the first screen ranks topics by (null: the first with topics) */
    static TopicGaps read(SparkSession spark, int minN, String headlineMetric) {
        Map<String, List<TopicFigure>> rows = new TreeMap<>();
        spark.sql("""
                        SELECT metric, topic, n, human_n, mean, ci_low, ci_high, human_mean, difference_vs_human,
                               difference_ci_low, difference_ci_high, worse_than_human
                        FROM gold_topic_quality
                        WHERE cohort = 'bot_first' AND topic <> 'ALL'""")
                .collectAsList()
                .forEach(row -> rows.computeIfAbsent(row.getAs("metric"), k -> new ArrayList<>())
                        .add(figure(row)));
        Map<String, MetricTopics> byMetric = new LinkedHashMap<>();
        for (QualityMetric metric : QualityMetrics.ALL) {
            if (rows.containsKey(metric.name())) {
                byMetric.put(metric.name(), rank(metric, rows.get(metric.name()), minN));
            }
        }
        String headline = headlineMetric != null && byMetric.containsKey(headlineMetric)
                ? headlineMetric
                : byMetric.values().stream()
                        .filter(m -> !m.metric().isBotOnly())
                        .map(m -> m.metric().name())
                        .findFirst()
                        .orElse(null);
        return new TopicGaps(byMetric, headline, minN);
    }

    private static TopicFigure figure(Row row) {
        return new TopicFigure(
                row.getAs("topic"),
                longOrZero(row, "n"),
                longOrZero(row, "human_n"),
                doubleOrNull(row, "mean"),
                doubleOrNull(row, "ci_low"),
                doubleOrNull(row, "ci_high"),
                doubleOrNull(row, "human_mean"),
                doubleOrNull(row, "difference_vs_human"),
                doubleOrNull(row, "difference_ci_low"),
                doubleOrNull(row, "difference_ci_high"),
                booleanOrNull(row, "worse_than_human"));
    }

    private static MetricTopics rank(QualityMetric metric, List<TopicFigure> figures, int minN) {
        List<TopicFigure> ranked = new ArrayList<>();
        List<TopicFigure> tooFew = new ArrayList<>();
        for (TopicFigure t : figures) {
            boolean enough = metric.isBotOnly()
                    ? t.n() >= minN && t.bot() != null
                    : t.n() >= minN && t.humanN() >= minN && t.gap() != null;
            (enough ? ranked : tooFew).add(t);
        }
        // worst for customers first: the larger the harm, the higher the rank
        Comparator<TopicFigure> harm = metric.isBotOnly()
                ? Comparator.comparingDouble(t -> metric.higherIsBetter() ? -t.bot() : t.bot())
                : Comparator.comparingDouble(t -> metric.higherIsBetter() ? -t.gap() : t.gap());
        ranked.sort(harm.reversed().thenComparing(TopicFigure::topic));
        tooFew.sort(Comparator.comparing(TopicFigure::topic));
        return new MetricTopics(metric, ranked, tooFew);
    }

    private Optional<MetricTopics> firstScreenRates() {
        return byMetric.values().stream()
                .filter(m -> m.metric().isBotOnly() && !m.ranked().isEmpty())
                .findFirst();
    }

    /** The charts drawn: the first screen's worst topics (gap and bot-only rate) and the section's ranking. */
    int charts() {
        boolean any = byMetric.values().stream().anyMatch(m -> !m.ranked().isEmpty());
        boolean gap =
                headlineMetric != null && !byMetric.get(headlineMetric).ranked().isEmpty();
        return (gap ? 1 : 0) + (firstScreenRates().isPresent() ? 1 : 0) + (any ? 1 : 0);
    }

    String firstScreenHtml() {
        StringBuilder html = new StringBuilder("<h2>Where is the bot worse?");
        if (headlineMetric == null) {
            return html.append("</h2><p class=\"empty\">No topic figures yet: gold_topic_quality has no bot-first "
                            + "rows (no rollout, or no topics).</p>")
                    .toString();
        }
        MetricTopics topics = byMetric.get(headlineMetric);
        html.append(" <small>").append(escape(topics.metric().label())).append(", gap within the topic</small></h2>");
        if (topics.ranked().isEmpty()) {
            html.append("<p class=\"empty\">")
                    .append(escape(noneRanked(topics)))
                    .append("</p>");
        } else {
            int shown = Math.min(FIRST_SCREEN_TOPICS, topics.ranked().size());
            String which = shown == topics.ranked().size()
                    ? String.format(Locale.ROOT, "All %d topics", shown)
                    : String.format(
                            Locale.ROOT,
                            "The %d worst of the %d topics",
                            shown,
                            topics.ranked().size());
            html.append("<p class=\"count\">")
                    .append(escape(String.format(
                            Locale.ROOT,
                            "%s with at least %d conversations a side, worst first; %d topics have fewer (listed"
                                    + " below).",
                            which,
                            minN,
                            topics.tooFew().size())))
                    .append("</p>")
                    .append(chart("topics-top", headlineMetric, shown));
        }
        firstScreenRates().ifPresent(rates -> {
            int shown = Math.min(FIRST_SCREEN_TOPICS, rates.ranked().size());
            html.append("<h3>Where do customers ask for a human? <small>")
                    .append(escape(String.format(
                            Locale.ROOT,
                            "%s, bot-first: the %d highest of the %d topics with at least %d bot-first"
                                    + " conversations; %d have fewer",
                            rates.metric().label(),
                            shown,
                            rates.ranked().size(),
                            minN,
                            rates.tooFew().size())))
                    .append("</small></h3>")
                    .append(chart("rates-top", rates.metric().name(), shown));
        });
        return html.toString();
    }

    String sectionHtml() {
        StringBuilder html = new StringBuilder("<section id=\"topics\"><h2>Where the bot is worse, by topic</h2>");
        if (byMetric.values().stream().allMatch(m -> m.ranked().isEmpty())) {
            html.append("<p class=\"empty\">")
                    .append(escape(
                            headlineMetric == null
                                    ? "No bot-first topic figures yet."
                                    : noneRanked(byMetric.get(headlineMetric))))
                    .append("</p></section>");
            return html.toString();
        }
        html.append("<p class=\"note\">After the rollout, per topic: bot-first minus human-first on the same topic, ")
                .append("with its 95% interval (Newcombe for rates, Welch for means); for a bot-only rate, its level ")
                .append("with its Wilson interval. Ranked: topics with at least ")
                .append(minN)
                .append(" conversations a side (<code>cohort.topic_min_n</code>); (n/n) = bot-first/human-first.</p>")
                .append("<div class=\"switch\" data-for=\"topics-all\">");
        String initial = byMetric.get(headlineMetric).ranked().isEmpty()
                ? byMetric.values().stream()
                        .filter(m -> !m.ranked().isEmpty())
                        .findFirst()
                        .orElseThrow()
                        .metric()
                        .name()
                : headlineMetric;
        for (MetricTopics topics : byMetric.values()) {
            if (!topics.ranked().isEmpty()) {
                html.append("<button type=\"button\" data-metric=\"")
                        .append(escape(topics.metric().name()))
                        .append(topics.metric().name().equals(initial) ? "\" class=\"on\">" : "\">")
                        .append(escape(topics.metric().label()))
                        .append(topics.metric().isBotOnly() ? " (bot only)" : "")
                        .append("</button>");
            }
        }
        html.append("</div>").append(chart("topics-all", initial, 0));
        for (MetricTopics topics : byMetric.values()) {
            html.append("<p class=\"count\" data-count-for=\"")
                    .append(escape(topics.metric().name()))
                    .append("\">")
                    .append(escape(String.format(
                            Locale.ROOT,
                            "%s: %d of %d topics ranked; %d have fewer than %d conversations %s",
                            topics.metric().label(),
                            topics.ranked().size(),
                            topics.total(),
                            topics.tooFew().size(),
                            minN,
                            topics.metric().isBotOnly() ? "bot-first" : "a side")))
                    .append(topics.tooFew().isEmpty() ? "." : ": " + tooFewList(topics))
                    .append("</p>");
        }
        return html.append("</section>").toString();
    }

    private String noneRanked(MetricTopics topics) {
        return String.format(
                Locale.ROOT,
                "None of the %d topics has %d bot-first and %d human-first conversations after the rollout yet;"
                        + " lower cohort.topic_min_n to rank smaller ones.",
                topics.total(),
                minN,
                minN);
    }

    private static String tooFewList(MetricTopics topics) {
        List<String> items = new ArrayList<>();
        for (TopicFigure t : topics.tooFew()) {
            items.add(escape(t.topic()) + " <small>(" + count(t.n()) + "/" + count(t.humanN()) + ")</small>");
        }
        return String.join(", ", items);
    }

    private static String chart(String id, String metric, int limit) {
        return "<div class=\"chart topics\" id=\"" + id + "\" data-chart=\"topics\" data-metric=\"" + escape(metric)
                + "\" data-limit=\"" + limit + "\"></div>";
    }

    /** What the topic charts read: per metric, the ranked topics. */
    Map<String, Object> chartData() {
        Map<String, Object> data = new LinkedHashMap<>();
        for (MetricTopics topics : byMetric.values()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("label", topics.metric().label());
            metric.put("rate", topics.metric().isRate());
            metric.put("botOnly", topics.metric().isBotOnly());
            metric.put("higherIsBetter", topics.metric().higherIsBetter());
            metric.put("topics", topics.ranked());
            data.put(topics.metric().name(), metric);
        }
        return data;
    }
}
