package org.csat.cohort;

import static org.csat.cohort.Values.count;
import static org.csat.cohort.Values.rounded;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.csat.cohort.FitPropensity.Overlap;
import org.csat.cohort.Intervals.Interval;
import org.csat.config.ComparisonSettings;

/**
 * Builds the rows of {@code gold_cohort_comparison} from the summarized contrasts: one row per
 * metric, comparison and method, in a fixed order. Raw rows also carry each side's mean with
 * its own interval (Wilson for rates, normal for means); stratified rows say how many strata
 * were used and which share of treated rows found no comparable human rows; IPW rows say how
 * many rows were trimmed and the effective size of the weighted human side.
 */
final class ComparisonRows {
    private final Map<QualityMetric, String> sources;
    private final Map<String, Contrast> contrasts;
    private final StrataPlan plan;
    private final Map<CohortPair, Overlap> overlaps;
    private final List<Cell> base;
    private final ComparisonSettings settings;
    private final LocalDate rollout;

    ComparisonRows(
            Map<QualityMetric, String> sources,
            Map<String, Contrast> contrasts,
            StrataPlan plan,
            Map<CohortPair, Overlap> overlaps,
            List<Cell> base,
            ComparisonSettings settings,
            LocalDate rollout) {
        this.sources = sources;
        this.contrasts = contrasts;
        this.plan = plan;
        this.overlaps = overlaps;
        this.base = base;
        this.settings = settings;
        this.rollout = rollout;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<QualityMetric> metrics = new ArrayList<>(sources.keySet());
        for (int m = 0; m < metrics.size(); m++) {
            QualityMetric metric = metrics.get(m);
            for (CohortPair pair : CohortPair.values()) {
                for (String method : List.of(Method.RAW, Method.STRATIFIED, Method.IPW)) {
                    Contrast c = contrasts.get(Contrast.key(metric.name(), pair.label(), method));
                    if (c != null) {
                        rows.add(row(metric, m, pair, c));
                    }
                }
            }
            for (String method : List.of(Method.BEFORE_AFTER, Method.DID)) {
                Contrast c = contrasts.get(Contrast.key(metric.name(), ReplicateEstimator.AFTER_VS_BEFORE, method));
                if (c != null) {
                    rows.add(row(metric, m, null, c));
                }
            }
        }
        return rows;
    }

    private Row row(QualityMetric metric, int m, CohortPair pair, Contrast c) {
        Interval treatedCi = Interval.NONE;
        Interval controlCi = Interval.NONE;
        if (pair != null && c.method().equals(Method.RAW)) {
            treatedCi = sideInterval(metric, m, cell -> pair.isTreated(cell.cohort()));
            controlCi = sideInterval(metric, m, cell -> CohortPair.CONTROL.equals(cell.cohort()));
        }
        Integer strata = null;
        Double unmatched = null;
        Long trimmed = null;
        Double effectiveN = null;
        if (pair != null && c.method().equals(Method.STRATIFIED)) {
            strata = plan.strataUsed(pair, metric);
            unmatched = rounded(plan.treatedShareDropped(pair, metric));
        }
        if (pair != null && c.method().equals(Method.IPW)) {
            Overlap overlap = overlaps.get(pair);
            trimmed = overlap.trimmed();
            effectiveN = rounded(overlap.controlEffectiveN());
        }
        return RowFactory.create(
                metric.name(),
                sources.get(metric),
                metric.kind().name().toLowerCase(Locale.ROOT),
                metric.direction(),
                c.comparison(),
                pair == null ? PrepareComparisonFrame.AFTER : pair.treated(),
                pair == null ? PrepareComparisonFrame.BEFORE : CohortPair.CONTROL,
                c.method(),
                estimand(pair, c.method()),
                rounded(c.estimate()),
                rounded(c.ciLow()),
                rounded(c.ciHigh()),
                rounded(c.standardError()),
                rounded(c.pValue()),
                c.significant(),
                count(c.nTreated()),
                count(c.nControl()),
                rounded(c.treatedMean()),
                rounded(treatedCi.low()),
                rounded(treatedCi.high()),
                rounded(c.controlMean()),
                rounded(controlCi.low()),
                rounded(controlCi.high()),
                strata,
                unmatched,
                trimmed,
                effectiveN,
                c.replicatesUsed(),
                rollout == null ? null : Date.valueOf(rollout),
                note(metric, pair, c));
    }

    private Interval sideInterval(QualityMetric metric, int m, Predicate<Cell> side) {
        double n = 0;
        double s = 0;
        double ss = 0;
        for (Cell cell : base) {
            if (cell.after() && side.test(cell)) {
                n += cell.n()[m];
                s += cell.s()[m];
                ss += cell.ss()[m];
            }
        }
        return metric.isRate()
                ? Intervals.wilson(s, n, settings.confidenceLevel())
                : Intervals.mean(s, ss, n, settings.confidenceLevel());
    }

    static String estimand(CohortPair pair, String method) {
        String side = pair == null ? "" : pair.treated() + " minus human-first, after the rollout";
        return switch (method) {
            case Method.RAW -> "unadjusted difference in means: " + side;
            case Method.STRATIFIED ->
                "ATT, " + side + ", standardized to the " + pair.treated()
                        + " case mix over topic x language x complexity-band strata";
            case Method.IPW -> "ATT, " + side + ", human-first weighted by e/(1-e) from a logistic propensity model";
            case Method.BEFORE_AFTER ->
                "whole service: after minus before the rollout, per topic, on the after-period topic mix";
            case Method.DID -> "whole service: change on topics the bot took minus change on topics it left alone";
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
    }

    private String note(QualityMetric metric, CohortPair pair, Contrast c) {
        List<String> notes = new ArrayList<>();
        if (pair == CohortPair.BOT_VS_HUMAN || pair == CohortPair.BOT_TO_HUMAN_VS_HUMAN) {
            notes.add("descriptive only: which bot-first chats end with a human depends on how they go");
        }
        if (metric.isBotOnly() && pair != null) {
            notes.add("zero for human-first by construction: treated_mean is the bot's own rate and the estimate"
                    + " is not a gap (gold_quality_drop states it as a bot-only rate)");
        }
        if (metric.name().equals("csat")) {
            notes.add("surveyed chats only, missing surveys are not imputed");
        }
        if (pair != null && c.method().equals(Method.STRATIFIED) && plan.treatedShareDropped(pair, metric) > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%.1f%% of %s rows had no comparable human-first rows and were left out",
                    100 * plan.treatedShareDropped(pair, metric),
                    pair.treated()));
        }
        if (pair != null && c.method().equals(Method.IPW)) {
            Overlap o = overlaps.get(pair);
            notes.add(String.format(
                    Locale.ROOT,
                    "propensity %.3f-%.3f; trimmed outside %.2f-%.2f: %d of %d %s and %d of %d human-first rows",
                    o.minPropensity(),
                    o.maxPropensity(),
                    settings.trimLow(),
                    settings.trimHigh(),
                    o.trimmedTreated(),
                    o.treated(),
                    pair.treated(),
                    o.trimmedControl(),
                    o.control()));
            if (o.treated() > 0 && (double) o.trimmedTreated() / o.treated() > 0.05) {
                notes.add("poor overlap: many " + pair.treated() + " rows have almost no human-first counterparts");
            }
        }
        if (c.method().equals(Method.DID)) {
            notes.add("control topics: " + String.join(", ", plan.untouchedTopics()));
        }
        if (Double.isNaN(c.estimate())) {
            notes.add("not estimable: a side has no values");
        } else if (Double.isNaN(c.ciLow())) {
            notes.add("too few values to resample: no interval");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
