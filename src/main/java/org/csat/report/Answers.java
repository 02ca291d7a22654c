package org.csat.report;

import static org.csat.report.Html.booleanOrNull;
import static org.csat.report.Html.doubleOrNull;
import static org.csat.report.Html.longOrZero;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.cohort.QualityMetric;
import org.csat.cohort.QualityMetrics;

/**
 * The answer as the report reads it: the rows of {@code gold_quality_drop} in the metric
 * registry's order, each with the bootstrap replicates behind its interval (from
 * {@code gold_cohort_comparison}), split into the gaps (bot-first against comparable
 * human-first contacts) and the bot-only rates (zero for humans by construction).
 */
final class Answers {
    /** One metric's answer. Differences and intervals are null when not estimable. */
    record Answer(
            QualityMetric metric,
            boolean botOnly,
            Double human,
            Double bot,
            Double raw,
            Double adjusted,
            Double ciLow,
            Double ciHigh,
            Double pValue,
            Boolean significant,
            Boolean worse,
            long nBot,
            long nHuman,
            int replicates,
            String verdict,
            String explanation,
            String note) {

        boolean estimated() {
            return adjusted != null;
        }

        /** "worse", "better" or "no clear difference" for a gap with an interval; null otherwise. */
        String judgement() {
            if (!estimated() || significant == null) {
                return null;
            }
            if (!significant) {
                return "no clear difference";
            }
            return Boolean.TRUE.equals(worse) ? "worse" : "better";
        }

        /** What the charts read. */
        Map<String, Object> chartData() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("metric", metric.name());
            data.put("label", metric.label());
            data.put("rate", metric.isRate());
            data.put("higherIsBetter", metric.higherIsBetter());
            data.put("adjusted", adjusted);
            data.put("ciLow", ciLow);
            data.put("ciHigh", ciHigh);
            data.put("raw", raw);
            data.put("judgement", judgement());
            return data;
        }
    }

    private final List<Answer> gaps;
    private final List<Answer> botOnly;
    private final LocalDate rollout;
    private final List<String> unknownMetrics;

    private Answers(List<Answer> gaps, List<Answer> botOnly, LocalDate rollout, List<String> unknownMetrics) {
        this.gaps = gaps;
        this.botOnly = botOnly;
        this.rollout = rollout;
        this.unknownMetrics = unknownMetrics;
    }

    static Answers read(SparkSession spark) {
        if (!List.of(spark.table("gold_quality_drop").columns()).contains("stated_as")) {
            throw new IllegalStateException("gold_quality_drop was written by an older version (no stated_as column):"
                    + " run bin/csat nightly once to rebuild the gold tables, then write the report");
        }
        List<Row> rows = spark.sql("""
                        SELECT d.*, c.bootstrap_replicates
                        FROM gold_quality_drop d
                        LEFT JOIN gold_cohort_comparison c
                          ON c.metric = d.metric AND c.comparison = 'bot_first_vs_human' AND c.method = d.method""").collectAsList();
        List<Answer> gaps = new ArrayList<>();
        List<Answer> botOnly = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        LocalDate rollout = null;
        for (Row row : rows) {
            Optional<QualityMetric> metric = QualityMetrics.byName(row.getAs("metric"));
            if (metric.isEmpty()) {
                unknown.add(row.getAs("metric"));
                continue;
            }
            if (row.getAs("rollout_date") != null) {
                rollout = row.<java.sql.Date>getAs("rollout_date").toLocalDate();
            }
            Answer answer = answer(metric.get(), row);
            (answer.botOnly() ? botOnly : gaps).add(answer);
        }
        Comparator<Answer> registryOrder = Comparator.comparingInt(a -> QualityMetrics.ALL.indexOf(a.metric()));
        gaps.sort(registryOrder);
        botOnly.sort(registryOrder);
        return new Answers(gaps, botOnly, rollout, unknown);
    }

    private static Answer answer(QualityMetric metric, Row row) {
        Object replicates = row.getAs("bootstrap_replicates");
        return new Answer(
                metric,
                "bot_only_rate".equals(row.getAs("stated_as")),
                doubleOrNull(row, "human_baseline"),
                doubleOrNull(row, "bot_first"),
                doubleOrNull(row, "raw_difference"),
                doubleOrNull(row, "adjusted_difference"),
                doubleOrNull(row, "ci_low"),
                doubleOrNull(row, "ci_high"),
                doubleOrNull(row, "p_value"),
                booleanOrNull(row, "significant"),
                booleanOrNull(row, "worse_for_customers"),
                longOrZero(row, "n_bot_first"),
                longOrZero(row, "n_human"),
                replicates == null ? 0 : ((Number) replicates).intValue(),
                row.getAs("verdict"),
                row.getAs("explanation"),
                row.getAs("note"));
    }

    /** Bot-first against human-first, in registry order. */
    List<Answer> gaps() {
        return gaps;
    }

    /** Rates only the bot can have (asked for a human), in registry order. */
    List<Answer> botOnly() {
        return botOnly;
    }

    /** The first gap with an estimate: the registry lists the metric that matters most first. */
    Optional<Answer> headline() {
        return gaps.stream().filter(Answer::estimated).findFirst();
    }

    /** The gaps with an estimate: one dot-and-whisker chart each. */
    List<Answer> charted() {
        return gaps.stream().filter(Answer::estimated).toList();
    }

    /** The rollout the comparison used; null when none was found. */
    LocalDate rollout() {
        return rollout;
    }

    /** Metrics in the table this version of the report does not know (a newer pipeline wrote them). */
    List<String> unknownMetrics() {
        return unknownMetrics;
    }

    List<Map<String, Object>> chartData() {
        return charted().stream().map(Answer::chartData).toList();
    }
}
