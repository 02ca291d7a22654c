package org.csat.config;

import java.io.Serializable;
import java.util.List;

/**
 * How {@code resolved}'s model is trained on labelled conversations and evaluated:
 * {@code quality.resolution_model.*}.
 */
public record ResolutionModelSettings(
        String labelKey,
        int minLabels,
        double testFraction,
        int textFeatures,
        List<Double> regParams,
        int folds,
        int seed)
        implements Serializable {
    static final Setting<String> LABEL_KEY = Setting.text(
            "quality.resolution_model.label_key",
            "resolved",
            "The metadata key whose value labels a conversation resolved or not by a person (a QA review,"
                    + " the agent's disposition): true/yes/1 or false/no/0, case-insensitive; other values are"
                    + " not labels. Labelled conversations train the resolution model.");
    static final Setting<Integer> MIN_LABELS = Setting.wholeNumber(
            "quality.resolution_model.min_labels",
            100,
            0,
            Integer.MAX_VALUE,
            "resolved: fewer labelled conversations than this, or labels of one kind only -> the rules.");
    static final Setting<Double> TEST_FRACTION = Setting.number(
            "quality.resolution_model.test_fraction",
            "0.2",
            Setting.Interval.open(0, 1),
            "The latest labelled conversations (by started_at) held out to evaluate the model against the"
                    + " rules; the model decides only if it agrees better with them.");
    static final Setting<Integer> TEXT_FEATURES = Setting.wholeNumber(
            "quality.resolution_model.text_features",
            256,
            0,
            Integer.MAX_VALUE,
            "Hashed bag-of-words features of the customer's words (0 = none); cross-validation decides"
                    + " whether they are used.");
    static final Setting<List<Double>> REG_PARAMS = Setting.numbers(
            "quality.resolution_model.reg_params",
            "0.01,0.03,0.1,0.3,1.0",
            0,
            Double.MAX_VALUE,
            "L2 strengths of the logistic regression tried, each with and without the word features; the"
                    + " pair with the best area under the ROC curve over quality.resolution_model.folds"
                    + " cross-validation folds of the training rows wins.");
    static final Setting<Integer> FOLDS = Setting.wholeNumber(
            "quality.resolution_model.folds",
            3,
            2,
            Integer.MAX_VALUE,
            "Cross-validation folds for choosing the resolution model.");
    static final Setting<Integer> SEED = Setting.wholeNumber(
            "quality.resolution_model.seed",
            42,
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            "Seed of the resolution model's cross-validation folds.");

    /** Every setting of the model: all of them go into its version. */
    public static final List<Setting<?>> DECLARED =
            List.of(LABEL_KEY, MIN_LABELS, TEST_FRACTION, TEXT_FEATURES, REG_PARAMS, FOLDS, SEED);

    static ResolutionModelSettings from(PipelineConfig config) {
        return new ResolutionModelSettings(
                config.get(LABEL_KEY),
                config.get(MIN_LABELS),
                config.get(TEST_FRACTION),
                config.get(TEXT_FEATURES),
                config.get(REG_PARAMS),
                config.get(FOLDS),
                config.get(SEED));
    }
}
