package org.csat.cohort;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The estimators, as functions of one replicate's cells (sorted, so sums add up in the same
 * order every run). Every cohort contrast uses the conversations after the rollout.
 * <ul>
 * <li>raw: treated mean minus control mean.</li>
 * <li>stratified: per stratum (from {@link StrataPlan}) treated minus control mean, averaged
 * with the treated side's counts as weights, i.e. the difference on the treated case mix
 * (ATT); strata lacking a side are left out.</li>
 * <li>ipw: weighted treated mean minus weighted control mean with the ATT weights of
 * {@link FitPropensity} (Hajek estimator).</li>
 * <li>before_after: per topic, mean after minus mean before over all conversations, averaged
 * with the after-period topic counts as weights (the service's change on today's topic mix).</li>
 * <li>did: before_after on the topics the bot took minus before_after on the topics it left
 * alone (the common time trend).</li>
 * </ul>
 */
final class CellEstimates {
    private CellEstimates() {}

    /** An estimate with the two means it contrasts and the counts behind them. */
    record Estimate(double estimate, double treatedMean, double controlMean, double nTreated, double nControl) {
        static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }

    static Estimate raw(List<Cell> cells, CohortPair pair, int m) {
        double tn = 0;
        double ts = 0;
        double cn = 0;
        double cs = 0;
        for (Cell cell : cells) {
            if (!cell.after()) {
                continue;
            }
            if (pair.isTreated(cell.cohort())) {
                tn += cell.n()[m];
                ts += cell.s()[m];
            } else if (CohortPair.CONTROL.equals(cell.cohort())) {
                cn += cell.n()[m];
                cs += cell.s()[m];
            }
        }
        return contrast(ts, tn, cs, cn);
    }

    static Estimate stratified(List<Cell> cells, CohortPair pair, int m, Map<String, String> strata) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Cell cell : cells) {
            String stratum = strata.get(cell.key());
            boolean treated = pair.isTreated(cell.cohort());
            if (!cell.after() || stratum == null || !(treated || CohortPair.CONTROL.equals(cell.cohort()))) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(stratum, k -> new double[4]);
            int offset = treated ? 0 : 2;
            sum[offset] += cell.n()[m];
            sum[offset + 1] += cell.s()[m];
        }
        return weightedDifference(sums);
    }

    static Estimate ipw(List<Cell> cells, CohortPair pair, int m) {
        int k = pair.ordinal();
        double tn = 0;
        double ts = 0;
        double cn = 0;
        double cs = 0;
        double controlRows = 0;
        for (Cell cell : cells) {
            if (!cell.after()) {
                continue;
            }
            if (pair.isTreated(cell.cohort())) {
                tn += cell.nw()[k][m];
                ts += cell.sw()[k][m];
            } else if (CohortPair.CONTROL.equals(cell.cohort())) {
                cn += cell.nw()[k][m];
                cs += cell.sw()[k][m];
                controlRows += cell.n()[m];
            }
        }
        Estimate weighted = contrast(ts, tn, cs, cn);
        return new Estimate(weighted.estimate(), weighted.treatedMean(), weighted.controlMean(), tn, controlRows);
    }

    static Estimate beforeAfter(List<Cell> cells, int m, Predicate<String> topics) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Cell cell : cells) {
            if (!topics.test(cell.topic())) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(cell.topic(), k -> new double[4]);
            int offset = cell.after() ? 0 : 2;
            sum[offset] += cell.n()[m];
            sum[offset + 1] += cell.s()[m];
        }
        return weightedDifference(sums);
    }

    /**
     * Per group {@code [nA, sumA, nB, sumB]}: the difference of the side-A and side-B means,
     * averaged over the groups that have both sides with side A's counts as weights (A is the
     * treated side for strata, the after period for topics). The A mean reported is A's pooled
     * mean; the B mean is what makes the difference come out.
     */
    private static Estimate weightedDifference(Map<String, double[]> sums) {
        double weight = 0;
        double difference = 0;
        double sideASum = 0;
        double sideBN = 0;
        for (double[] sum : sums.values()) {
            if (sum[0] > 0 && sum[2] > 0) {
                weight += sum[0];
                sideASum += sum[1];
                difference += sum[0] * (sum[1] / sum[0] - sum[3] / sum[2]);
                sideBN += sum[2];
            }
        }
        if (weight == 0) {
            return Estimate.NONE;
        }
        double estimate = difference / weight;
        double sideAMean = sideASum / weight;
        return new Estimate(estimate, sideAMean, sideAMean - estimate, weight, sideBN);
    }

    /** Change on the topics the bot took minus change on the untouched ones; the means are the two changes. */
    static Estimate differenceInDifferences(List<Cell> cells, int m, Set<String> untouched) {
        Estimate touched = beforeAfter(cells, m, topic -> !untouched.contains(topic));
        Estimate control = beforeAfter(cells, m, untouched::contains);
        if (Double.isNaN(touched.estimate()) || Double.isNaN(control.estimate())) {
            return Estimate.NONE;
        }
        return new Estimate(
                touched.estimate() - control.estimate(),
                touched.estimate(),
                control.estimate(),
                touched.nTreated() + touched.nControl(),
                control.nTreated() + control.nControl());
    }

    private static Estimate contrast(double treatedSum, double treatedN, double controlSum, double controlN) {
        if (treatedN <= 0 || controlN <= 0) {
            return new Estimate(
                    Double.NaN,
                    treatedN > 0 ? treatedSum / treatedN : Double.NaN,
                    controlN > 0 ? controlSum / controlN : Double.NaN,
                    treatedN,
                    controlN);
        }
        double treatedMean = treatedSum / treatedN;
        double controlMean = controlSum / controlN;
        return new Estimate(treatedMean - controlMean, treatedMean, controlMean, treatedN, controlN);
    }
}
