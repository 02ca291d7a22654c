package org.csat.cohort;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.csat.config.ComparisonSettings;

/**
 * The design of the adjusted comparisons, fixed from the data as it is (replicate 0) before
 * any outcome is compared, and then used unchanged in every bootstrap replicate.
 * <p>Strata, per cohort pair and metric: a topic x language x band cell stands alone when
 * both sides have at least {@code cohort.min_stratum_size} values after the rollout; the
 * remaining cells of a topic are pooled when the pool reaches that size; what remains is
 * pooled per complexity band when both sides have at least one value. Treated rows left
 * without any control rows are a positivity failure: they are left out and their share is
 * reported.
 * <p>Difference-in-differences controls: topics the bot answered first in less than
 * {@code cohort.did_max_bot_share} of their conversations after the rollout; the DiD is
 * feasible for a metric when both topic groups have {@code cohort.min_stratum_size} values
 * before and after.
 */
final class StrataPlan implements Serializable {
    private final Map<String, Map<String, String>> strata = new TreeMap<>();
    private final Map<String, double[]> coverage = new TreeMap<>();
    private final Set<String> untouchedTopics = new TreeSet<>();
    private final Set<String> didFeasible = new TreeSet<>();
    private boolean hasBefore;

    private StrataPlan() {}

    static StrataPlan build(List<Cell> base, List<QualityMetric> metrics, ComparisonSettings settings) {
        StrataPlan plan = new StrataPlan();
        List<Cell> after = base.stream().filter(Cell::after).toList();
        plan.hasBefore = base.stream().anyMatch(c -> !c.after());
        for (CohortPair pair : CohortPair.values()) {
            for (int m = 0; m < metrics.size(); m++) {
                plan.assign(pair, metrics.get(m), after, m, settings.minStratumSize());
            }
        }
        Map<String, double[]> botShare = new TreeMap<>();
        for (Cell cell : after) {
            double[] share = botShare.computeIfAbsent(cell.topic(), k -> new double[2]);
            if (CohortPair.BOT_FIRST_VS_HUMAN.isTreated(cell.cohort())) {
                share[0] += cell.rows();
            }
            if (!"none".equals(cell.cohort())) {
                share[1] += cell.rows();
            }
        }
        botShare.forEach((topic, share) -> {
            if (share[1] > 0 && share[0] / share[1] < settings.didMaxBotShare()) {
                plan.untouchedTopics.add(topic);
            }
        });
        for (int m = 0; m < metrics.size(); m++) {
            double[] counts = new double[4];
            for (Cell cell : base) {
                int group = plan.untouchedTopics.contains(cell.topic()) ? 2 : 0;
                counts[group + (cell.after() ? 0 : 1)] += cell.n()[m];
            }
            if (counts[0] >= settings.minStratumSize()
                    && counts[1] >= settings.minStratumSize()
                    && counts[2] >= settings.minStratumSize()
                    && counts[3] >= settings.minStratumSize()) {
                plan.didFeasible.add(metrics.get(m).name());
            }
        }
        return plan;
    }

    private void assign(CohortPair pair, QualityMetric metric, List<Cell> after, int m, int minSize) {
        Map<String, double[]> counts = new TreeMap<>();
        Map<String, Cell> example = new TreeMap<>();
        for (Cell cell : after) {
            boolean treated = pair.isTreated(cell.cohort());
            if (treated || CohortPair.CONTROL.equals(cell.cohort())) {
                counts.computeIfAbsent(cell.key(), k -> new double[2])[treated ? 0 : 1] += cell.n()[m];
                example.putIfAbsent(cell.key(), cell);
            }
        }
        Map<String, String> assigned = new TreeMap<>();
        List<String> left = new ArrayList<>(counts.keySet());
        left = pool(left, counts, assigned, key -> "cell:" + key, minSize);
        left = pool(left, counts, assigned, key -> "topic:" + example.get(key).topic(), minSize);
        left = pool(left, counts, assigned, key -> "band:" + example.get(key).band(), 1);
        double treated = 0;
        double dropped = 0;
        for (Map.Entry<String, double[]> cell : counts.entrySet()) {
            treated += cell.getValue()[0];
            if (left.contains(cell.getKey())) {
                dropped += cell.getValue()[0];
            }
        }
        Set<String> used = new TreeSet<>();
        assigned.forEach((key, stratum) -> {
            if (counts.get(key)[0] > 0) {
                used.add(stratum);
            }
        });
        strata.put(key(pair, metric), assigned);
        coverage.put(key(pair, metric), new double[] {used.size(), treated > 0 ? dropped / treated : 0});
    }

    /** Assigns the groups of {@code left} meeting the minimum on both sides; returns the cells still unassigned. */
    private static List<String> pool(
            List<String> left,
            Map<String, double[]> counts,
            Map<String, String> assigned,
            Function<String, String> group,
            double minimum) {
        Map<String, double[]> totals = new TreeMap<>();
        for (String key : left) {
            double[] total = totals.computeIfAbsent(group.apply(key), k -> new double[2]);
            total[0] += counts.get(key)[0];
            total[1] += counts.get(key)[1];
        }
        List<String> remaining = new ArrayList<>();
        for (String key : left) {
            double[] total = totals.get(group.apply(key));
            if (total[0] >= minimum && total[1] >= minimum) {
                assigned.put(key, group.apply(key));
            } else {
                remaining.add(key);
            }
        }
        return remaining;
    }

    private static String key(CohortPair pair, QualityMetric metric) {
        return pair.label() + "/" + metric.name();
    }

    Map<String, String> strata(CohortPair pair, QualityMetric metric) {
        return strata.getOrDefault(key(pair, metric), Map.of());
    }

    /** How many strata carry treated rows. */
    int strataUsed(CohortPair pair, QualityMetric metric) {
        return (int) coverage.getOrDefault(key(pair, metric), new double[2])[0];
    }

    /** Share of treated rows with a value that no stratum could compare (positivity failure). */
    double treatedShareDropped(CohortPair pair, QualityMetric metric) {
        return coverage.getOrDefault(key(pair, metric), new double[2])[1];
    }

    Set<String> untouchedTopics() {
        return untouchedTopics;
    }

    boolean didFeasible(QualityMetric metric) {
        return didFeasible.contains(metric.name());
    }

    boolean hasBefore() {
        return hasBefore;
    }
}
