package org.csat.cohort;

import static org.csat.cohort.Values.count;
import static org.csat.cohort.Values.rounded;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.apache.spark.sql.Row;
import org.csat.cohort.Intervals.Interval;
import org.csat.config.ComparisonSettings;
import org.csat.tables.TableSchemas;

/**
 * Builds {@code gold_quality_drop}: one row per metric of the registry, present or not. It
 * states the fair contrast, bot-first against human-first after the rollout, with the method
 * of {@code cohort.primary_method} (the other adjusted method as a cross-check), the raw
 * difference next to it to show how much the case mix flatters the bot, the whole service's
 * change after the rollout (difference-in-differences when there are topics the bot left
 * alone, else plain before/after), and a sentence that says it plainly. A metric zero for
 * human-first contacts by construction ({@link QualityMetric.Kind#BOT_ONLY_RATE}) is stated as
 * the bot-first rate with its Wilson interval ({@code stated_as = bot_only_rate}), never as a
 * gap from a baseline of zero.
 */
final class QualityDropRows {
    /** {@code stated_as}: a gap between bot-first and human-first contacts. */
    static final String GAP = "gap";
    /** {@code stated_as}: the bot-first rate alone, for a metric zero for humans by construction. */
    static final String BOT_ONLY_RATE = "bot_only_rate";

    private final Map<QualityMetric, String> sources;
    private final Map<String, Contrast> contrasts;
    private final StrataPlan plan;
    private final ComparisonSettings settings;
    private final LocalDate rollout;
    private final String missingRolloutNote;
    /** The sides' sizes a row without an estimate reports ({@link #notStated}; 0 otherwise). */
    private final long botFirstSide;

    private final long humanSide;

    QualityDropRows(
            Map<QualityMetric, String> sources,
            Map<String, Contrast> contrasts,
            StrataPlan plan,
            ComparisonSettings settings,
            LocalDate rollout,
            String missingRolloutNote) {
        this(sources, contrasts, plan, settings, rollout, missingRolloutNote, 0, 0);
    }

    private QualityDropRows(
            Map<QualityMetric, String> sources,
            Map<String, Contrast> contrasts,
            StrataPlan plan,
            ComparisonSettings settings,
            LocalDate rollout,
            String missingRolloutNote,
            long botFirstSide,
            long humanSide) {
        this.sources = sources;
        this.contrasts = contrasts;
        this.plan = plan;
        this.settings = settings;
        this.rollout = rollout;
        this.missingRolloutNote = missingRolloutNote;
        this.botFirstSide = botFirstSide;
        this.humanSide = humanSide;
    }

    /**
     * The rows of a language not stated on its own ({@link LanguageCut}): the reason as every
     * metric's verdict, and the language's bot-first and human-first conversations after the
     * rollout as {@code n_bot_first} and {@code n_human}, so the size behind the reason shows.
     */
    static List<Row> notStated(
            Map<QualityMetric, String> sources,
            ComparisonSettings settings,
            LocalDate rollout,
            String reason,
            long botFirst,
            long human) {
        return new QualityDropRows(sources, Map.of(), null, settings, rollout, reason, botFirst, human).rows();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (QualityMetric metric : QualityMetrics.ALL) {
            rows.add(row(metric));
        }
        return rows;
    }

    private Row row(QualityMetric metric) {
        String source = sources.get(metric);
        String pair = CohortPair.BOT_FIRST_VS_HUMAN.label();
        String primary = settings.primaryMethod();
        String other = primary.equals(Method.STRATIFIED) ? Method.IPW : Method.STRATIFIED;
        Contrast adjusted = contrasts.get(Contrast.key(metric.name(), pair, primary));
        NamedRow row = new NamedRow(TableSchemas.GOLD_QUALITY_DROP)
                .set("metric", metric.name())
                .set("source_column", source)
                .set("direction", metric.direction())
                .set("unit", metric.isRate() ? "share (0-1)" : "mean")
                .set("stated_as", metric.isBotOnly() ? BOT_ONLY_RATE : GAP)
                .set("method", metric.isBotOnly() ? Method.RAW : primary)
                .set("rollout_date", rollout == null ? null : Date.valueOf(rollout));
        if (source == null || adjusted == null) {
            String why = source == null
                    ? "not measured: silver_conversations has no " + String.join(" or ", metric.columns())
                            + " column yet"
                    : missingRolloutNote != null
                            ? missingRolloutNote
                            : "not estimable: the " + primary
                                    + " method needs bot-first and human-first conversations after the rollout";
            return row.set("significant", false)
                    .set("n_bot_first", botFirstSide)
                    .set("n_human", humanSide)
                    .set("verdict", why)
                    .build();
        }
        Contrast raw = contrasts.get(Contrast.key(metric.name(), pair, Method.RAW));
        Contrast levels =
                contrasts.get(Contrast.key(metric.name(), ReplicateEstimator.AFTER_VS_BEFORE, Method.BEFORE_AFTER));
        Contrast service = contrasts.get(Contrast.key(metric.name(), ReplicateEstimator.AFTER_VS_BEFORE, Method.DID));
        if (service == null) {
            service = levels;
        }
        row.set("human_raw", rounded(raw.controlMean()))
                .set("n_bot_first", count(raw.nTreated()))
                .set("n_human", count(raw.nControl()))
                .set("note", note(metric, raw, service));
        if (service != null) {
            row.set("service_change", rounded(service.estimate()))
                    .set("service_change_ci_low", rounded(service.ciLow()))
                    .set("service_change_ci_high", rounded(service.ciHigh()))
                    .set("service_change_method", service.method());
        }
        if (levels != null) {
            row.set("service_before", rounded(levels.controlMean()))
                    .set("service_after", rounded(levels.treatedMean()));
        }
        if (metric.isBotOnly()) {
            Interval rate = botFirstRate(raw);
            return row.set("bot_first", rounded(raw.treatedMean()))
                    .set("ci_low", rounded(rate.low()))
                    .set("ci_high", rounded(rate.high()))
                    .set("verdict", botOnlyVerdict(metric, raw, rate))
                    .set("explanation", botOnlyExplanation(metric, raw, rate))
                    .build();
        }
        Contrast cross = contrasts.get(Contrast.key(metric.name(), pair, other));
        double d = adjusted.estimate();
        Boolean worse = Double.isNaN(d) || d == 0 ? null : (metric.higherIsBetter() ? d < 0 : d > 0);
        if (cross != null) {
            row.set("cross_check_method", other)
                    .set("cross_check_difference", rounded(cross.estimate()))
                    .set("cross_check_ci_low", rounded(cross.ciLow()))
                    .set("cross_check_ci_high", rounded(cross.ciHigh()));
        }
        return row.set("human_baseline", rounded(adjusted.controlMean()))
                .set("bot_first", rounded(adjusted.treatedMean()))
                .set("raw_difference", rounded(raw.estimate()))
                .set("adjusted_difference", rounded(d))
                .set("ci_low", rounded(adjusted.ciLow()))
                .set("ci_high", rounded(adjusted.ciHigh()))
                .set("p_value", rounded(adjusted.pValue()))
                .set("significant", adjusted.significant())
                .set("worse_for_customers", worse)
                .set("verdict", verdict(metric, adjusted))
                .set("explanation", explanation(metric, adjusted, raw))
                .build();
    }

    /** Wilson interval of the bot-first rate after the rollout. */
    private Interval botFirstRate(Contrast raw) {
        return Intervals.wilson(raw.treatedMean() * raw.nTreated(), raw.nTreated(), settings.confidenceLevel());
    }

    /** "bot-only: 14.2% of bot-first contacts asked for a human (95% CI 12.9% to 15.6%)". */
    private String botOnlyVerdict(QualityMetric metric, Contrast raw, Interval rate) {
        return String.format(
                Locale.ROOT,
                "bot-only: %s of bot-first contacts %s (%s)",
                Values.level(metric, raw.treatedMean()),
                metric.label(),
                rateInterval(metric, rate));
    }

    private String botOnlyExplanation(QualityMetric metric, Contrast raw, Interval rate) {
        return String.format(
                Locale.ROOT,
                "%s of bot-first contacts %s after the rollout (%s, Wilson; n=%d). Human-first contacts have"
                        + " no bot to ask past, so there is no human baseline to compare with: this is the bot's"
                        + " own rate, not a gap (%s of human-first contacts matched the phrases anyway).",
                Values.level(metric, raw.treatedMean()),
                metric.phrase(),
                rateInterval(metric, rate),
                count(raw.nTreated()),
                Values.level(metric, raw.controlMean()));
    }

    private String rateInterval(QualityMetric metric, Interval rate) {
        return interval(rate.low(), rate.high(), v -> Values.level(metric, v));
    }

    /** "95% CI -10.7 to -3.6" with each end written by {@code end}; "no CI" without an interval. */
    private String interval(double low, double high, DoubleFunction<String> end) {
        return Double.isNaN(low)
                ? "no CI"
                : String.format(
                        Locale.ROOT,
                        "%.0f%% CI %s to %s",
                        100 * settings.confidenceLevel(),
                        end.apply(low),
                        end.apply(high));
    }

    /** At most about 80 characters: "bot-first: -7.1 pts resolved vs humans (95% CI -10.7 to -3.6); worse". */
    private String verdict(QualityMetric metric, Contrast adjusted) {
        double d = adjusted.estimate();
        if (Double.isNaN(d)) {
            return metric.label() + ": not estimable, a side has no values after the rollout";
        }
        String interval = interval(adjusted.ciLow(), adjusted.ciHigh(), v -> Values.signed(metric, v));
        String judgement =
                !adjusted.significant() ? "not significant" : metric.higherIsBetter() == (d > 0) ? "better" : "worse";
        return String.format(
                Locale.ROOT,
                "bot-first: %s%s %s vs humans (%s); %s",
                Values.signed(metric, d),
                metric.isRate() ? " pts" : "",
                metric.label(),
                interval,
                judgement);
    }

    private String explanation(QualityMetric metric, Contrast adjusted, Contrast raw) {
        double d = adjusted.estimate();
        if (Double.isNaN(d)) {
            return metric.name() + ": not estimable, one side has no values after the rollout";
        }
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * settings.confidenceLevel());
        String interval = Double.isNaN(adjusted.ciLow())
                ? "no interval: too few values"
                : level + " CI " + Values.signed(metric, adjusted.ciLow()) + " to "
                        + Values.signed(metric, adjusted.ciHigh());
        String moreLess = metric.isRate() ? (d < 0 ? "fewer" : "more") : (d < 0 ? "lower" : "higher");
        String what = metric.isRate()
                ? String.format(
                        Locale.ROOT,
                        "%s of bot-first contacts %s vs %s for humans on comparable contacts",
                        Values.level(metric, adjusted.treatedMean()),
                        metric.phrase(),
                        Values.level(metric, adjusted.controlMean()))
                : String.format(
                        Locale.ROOT,
                        "%s: bot-first contacts %s vs %s for humans on comparable contacts",
                        metric.phrase(),
                        Values.level(metric, adjusted.treatedMean()),
                        Values.level(metric, adjusted.controlMean()));
        String judgement = !adjusted.significant()
                ? "not significant"
                : (metric.higherIsBetter() == (d > 0)
                        ? "significant, better for customers"
                        : "significant, worse for customers");
        String rawPart = Double.isNaN(raw.estimate())
                ? ""
                : String.format(
                        Locale.ROOT,
                        " Unadjusted the gap is %s %s.",
                        Values.size(metric, raw.estimate()),
                        metric.isRate()
                                ? (raw.estimate() < 0 ? "fewer" : "more")
                                : (raw.estimate() < 0 ? "lower" : "higher"));
        return String.format(
                Locale.ROOT,
                "%s: %s %s (%s; %s; n=%d vs %d).%s",
                what,
                Values.size(metric, d),
                moreLess,
                interval,
                judgement,
                count(raw.nTreated()),
                count(raw.nControl()),
                rawPart);
    }

    private String note(QualityMetric metric, Contrast raw, Contrast service) {
        List<String> notes = new ArrayList<>();
        if (metric.isBotOnly() && raw.controlMean() > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%s of human-first contacts matched too: customers said it to an agent",
                    Values.level(metric, raw.controlMean())));
        }
        if (metric.name().equals("csat")) {
            notes.add(
                    "survey CSAT covers surveyed chats only; missing surveys are never imputed, so the interval is wide");
        }
        if (metric.name().equals("handle_time_s") && "duration_s".equals(sources.get(metric))) {
            notes.add("handle time read from duration_s (first to last message) until handle_time_s exists");
        }
        double unmatched = plan.treatedShareDropped(CohortPair.BOT_FIRST_VS_HUMAN, metric);
        if (unmatched > 0 && !metric.isBotOnly()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%.1f%% of bot-first rows had no comparable human-first rows (left out)",
                    100 * unmatched));
        }
        if (service == null) {
            notes.add("no conversations before the rollout: no service change");
        } else if (service.method().equals(Method.BEFORE_AFTER)) {
            notes.add("service change is plain before/after on the same topic mix: no topics the bot left alone to "
                    + "difference out time trends");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
