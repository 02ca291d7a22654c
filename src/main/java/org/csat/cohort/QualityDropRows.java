package org.csat.cohort;

import static org.csat.cohort.Values.count;
import static org.csat.cohort.Values.rounded;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.csat.config.ComparisonSettings;

/**
 * Builds {@code gold_quality_drop}: one row per metric of the registry, present or not. It
 * states the fair contrast, bot-first against human-first after the rollout, with the method
 * of {@code cohort.primary_method} (the other adjusted method as a cross-check), the raw
 * difference next to it to show how much the case mix flatters the bot, the whole service's
 * change after the rollout (difference-in-differences when there are topics the bot left
 * alone, else plain before/after), and a sentence that says it plainly.
 */
final class QualityDropRows {
    private final Map<QualityMetric, String> sources;
    private final Map<String, Contrast> contrasts;
    private final StrataPlan plan;
    private final ComparisonSettings settings;
    private final LocalDate rollout;
    private final String missingRolloutNote;

    QualityDropRows(
            Map<QualityMetric, String> sources,
            Map<String, Contrast> contrasts,
            StrataPlan plan,
            ComparisonSettings settings,
            LocalDate rollout,
            String missingRolloutNote) {
        this.sources = sources;
        this.contrasts = contrasts;
        this.plan = plan;
        this.settings = settings;
        this.rollout = rollout;
        this.missingRolloutNote = missingRolloutNote;
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
        if (source == null || adjusted == null) {
            String why = source == null
                    ? "not measured: silver_conversations has no " + String.join(" or ", metric.columns())
                            + " column yet"
                    : missingRolloutNote != null
                            ? missingRolloutNote
                            : "not estimable: the " + primary
                                    + " method needs bot-first and human-first conversations after the rollout";
            return RowFactory.create(
                    metric.name(),
                    source,
                    metric.direction(),
                    unit(metric),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    primary,
                    null,
                    null,
                    null,
                    null,
                    0L,
                    0L,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    rollout == null ? null : Date.valueOf(rollout),
                    why,
                    null,
                    null);
        }
        Contrast raw = contrasts.get(Contrast.key(metric.name(), pair, Method.RAW));
        Contrast cross = contrasts.get(Contrast.key(metric.name(), pair, other));
        Contrast levels =
                contrasts.get(Contrast.key(metric.name(), ReplicateEstimator.AFTER_VS_BEFORE, Method.BEFORE_AFTER));
        Contrast service = contrasts.get(Contrast.key(metric.name(), ReplicateEstimator.AFTER_VS_BEFORE, Method.DID));
        if (service == null) {
            service = levels;
        }
        double d = adjusted.estimate();
        Boolean worse = Double.isNaN(d) || d == 0 ? null : (metric.higherIsBetter() ? d < 0 : d > 0);
        return RowFactory.create(
                metric.name(),
                source,
                metric.direction(),
                unit(metric),
                rounded(adjusted.controlMean()),
                rounded(adjusted.treatedMean()),
                rounded(raw.controlMean()),
                rounded(raw.estimate()),
                rounded(d),
                rounded(adjusted.ciLow()),
                rounded(adjusted.ciHigh()),
                rounded(adjusted.pValue()),
                adjusted.significant(),
                worse,
                primary,
                cross == null ? null : other,
                cross == null ? null : rounded(cross.estimate()),
                cross == null ? null : rounded(cross.ciLow()),
                cross == null ? null : rounded(cross.ciHigh()),
                count(raw.nTreated()),
                count(raw.nControl()),
                levels == null ? null : rounded(levels.controlMean()),
                levels == null ? null : rounded(levels.treatedMean()),
                service == null ? null : rounded(service.estimate()),
                service == null ? null : rounded(service.ciLow()),
                service == null ? null : rounded(service.ciHigh()),
                service == null ? null : service.method(),
                Date.valueOf(rollout),
                verdict(metric, adjusted),
                explanation(metric, adjusted, raw),
                note(metric, service));
    }

    private static String unit(QualityMetric metric) {
        return metric.isRate() ? "share (0-1)" : "mean";
    }

    /** At most about 80 characters: "bot-first: -7.1 pts resolved vs humans (95% CI -10.7 to -3.6); worse". */
    private String verdict(QualityMetric metric, Contrast adjusted) {
        double d = adjusted.estimate();
        if (Double.isNaN(d)) {
            return metric.label() + ": not estimable, a side has no values after the rollout";
        }
        String interval = Double.isNaN(adjusted.ciLow())
                ? "no CI"
                : String.format(
                        Locale.ROOT,
                        "%.0f%% CI %s to %s",
                        100 * settings.confidenceLevel(),
                        Values.signed(metric, adjusted.ciLow()),
                        Values.signed(metric, adjusted.ciHigh()));
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

    private String note(QualityMetric metric, Contrast service) {
        List<String> notes = new ArrayList<>();
        if (metric.name().equals("csat")) {
            notes.add(
                    "survey CSAT covers surveyed chats only; missing surveys are never imputed, so the interval is wide");
        }
        if (metric.name().equals("handle_time_s") && "duration_s".equals(sources.get(metric))) {
            notes.add("handle time read from duration_s (first to last message) until handle_time_s exists");
        }
        double unmatched = plan.treatedShareDropped(CohortPair.BOT_FIRST_VS_HUMAN, metric);
        if (unmatched > 0) {
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
