package org.csat.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Chooses {@code sentiment.lexicon_override} from labelled texts, to show what fitting it would
 * give and whether that carries to other texts: the threshold on a grid (0.05 to 1 in steps of
 * 0.05) with the best macro-F1, the larger on ties (CoreNLP's own label is the default to beat).
 * {@link #crossValidated} predicts each of k seeded folds with the threshold chosen on the others,
 * so no text is labelled by a threshold fitted to it.
 *
 * @param <T> a labelled text
 */
final class SelectLexiconOverride<T> {
    private final BiFunction<T, Double, String> label;
    private final Function<T, String> gold;
    private final List<String> classes;

    /**
     * @param label   a text's three-way label under a threshold
     * @param gold    a text's gold class
     * @param classes the classes macro-F1 averages over
     */
    SelectLexiconOverride(BiFunction<T, Double, String> label, Function<T, String> gold, List<String> classes) {
        this.label = label;
        this.gold = gold;
        this.classes = classes;
    }

    static List<Double> grid() {
        List<Double> grid = new ArrayList<>();
        for (int step = 1; step <= 20; step++) {
            grid.add(step / 20.0);
        }
        return grid;
    }

    /** The grid's threshold with the best macro-F1 on {@code texts}, the larger on ties. */
    double best(List<T> texts) {
        double best = Double.NaN;
        double bestF1 = Double.NEGATIVE_INFINITY;
        for (double threshold : grid()) {
            List<String> predicted = new ArrayList<>();
            texts.forEach(t -> predicted.add(label.apply(t, threshold)));
            double f1 =
                    EvaluateMessageSentiment.macroF1(texts.stream().map(gold).toList(), predicted, classes);
            if (f1 >= bestF1) {
                best = threshold;
                bestF1 = f1;
            }
        }
        return best;
    }

    /** Each text's label by the threshold chosen on the other {@code folds} of a seeded split. */
    Map<T, String> crossValidated(List<T> texts, int folds, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        Map<T, String> labels = new IdentityHashMap<>();
        for (int fold = 0; fold < folds; fold++) {
            List<T> training = new ArrayList<>();
            List<T> heldOut = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                (i % folds == fold ? heldOut : training).add(texts.get(order.get(i)));
            }
            double threshold = best(training);
            heldOut.forEach(t -> labels.put(t, label.apply(t, threshold)));
        }
        return labels;
    }
}
