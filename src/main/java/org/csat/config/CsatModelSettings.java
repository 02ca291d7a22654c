package org.csat.config;

import java.io.Serializable;
import java.util.List;

/** How {@code predicted_csat}'s model is trained and evaluated: {@code quality.csat_model.*}. */
public record CsatModelSettings(
        int minSurveys,
        double testFraction,
        int retrainEveryDays,
        int textFeatures,
        List<Double> regParams,
        int folds,
        int seed)
        implements Serializable {
    static final Setting<Integer> MIN_SURVEYS = Setting.wholeNumber(
            "quality.csat_model.min_surveys",
            100,
            0,
            Integer.MAX_VALUE,
            "predicted_csat: fewer surveyed conversations than this -> the rule-based score.");
    static final Setting<Double> TEST_FRACTION = Setting.number(
            "quality.csat_model.test_fraction",
            "0.2",
            Setting.Interval.open(0, 1),
            "The latest surveyed conversations (by started_at) held out to evaluate the model.");
    static final Setting<Integer> RETRAIN_EVERY_DAYS = Setting.wholeNumber(
            "quality.csat_model.retrain_every_days",
            1,
            1,
            Integer.MAX_VALUE,
            "Surveys up to the last multiple of this many days (days since 1970) train the model, so it"
                    + " changes (and every conversation is re-predicted) at most once per period; 1 = every"
                    + " night.");
    static final Setting<Integer> TEXT_FEATURES = Setting.wholeNumber(
            "quality.csat_model.text_features",
            256,
            0,
            Integer.MAX_VALUE,
            "Hashed bag-of-words features of the customer's words (0 = none).");
    static final Setting<List<Double>> REG_PARAMS = Setting.numbers(
            "quality.csat_model.reg_params",
            "0.01,0.03,0.1,0.3,1.0",
            0,
            Double.MAX_VALUE,
            "Ridge strengths tried, each with and without the word features; the pair with the best"
                    + " Spearman over quality.csat_model.folds cross-validation folds of the training rows"
                    + " (never the test rows) wins.");
    static final Setting<Integer> FOLDS = Setting.wholeNumber(
            "quality.csat_model.folds", 3, 2, Integer.MAX_VALUE, "Cross-validation folds for choosing the model.");
    static final Setting<Integer> SEED = Setting.wholeNumber(
            "quality.csat_model.seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "Seed of the cross-validation folds.");

    /** Every setting of the model: all of them go into its version ({@code ModelVersions}). */
    public static final List<Setting<?>> DECLARED =
            List.of(MIN_SURVEYS, TEST_FRACTION, RETRAIN_EVERY_DAYS, TEXT_FEATURES, REG_PARAMS, FOLDS, SEED);

    static CsatModelSettings from(PipelineConfig config) {
        return new CsatModelSettings(
                config.get(MIN_SURVEYS),
                config.get(TEST_FRACTION),
                config.get(RETRAIN_EVERY_DAYS),
                config.get(TEXT_FEATURES),
                config.get(REG_PARAMS),
                config.get(FOLDS),
                config.get(SEED));
    }
}
