package org.csat.config;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The bot-vs-human comparison: {@code cohort.*} (docs/comparison.md). Read and checked once,
 * when the configuration is loaded.
 */
public record ComparisonSettings(
        LocalDate rolloutDate,
        double rolloutShareThreshold,
        int minStratumSize,
        int bandMinConversations,
        double trimLow,
        double trimHigh,
        double regParam,
        int bootstrapReplicates,
        long bootstrapSeed,
        double confidenceLevel,
        double didMaxBotShare,
        String primaryMethod,
        int topicMinN,
        Set<String> languages,
        int languageMinN)
        implements Serializable {
    static final Setting<LocalDate> ROLLOUT_DATE = Setting.optionalDate(
            "cohort.rollout_date",
            "Bot rollout date (YYYY-MM-DD); blank: the first day the bot answers first in at least"
                    + " cohort.rollout_share_threshold of the day's answered conversations.");
    static final Setting<Double> ROLLOUT_SHARE_THRESHOLD = Setting.number(
            "cohort.rollout_share_threshold",
            "0.2",
            new Setting.Interval(0, false, 1, true),
            "Share of a day's answered conversations the bot must answer first for the day to count as"
                    + " the rollout (when cohort.rollout_date is blank).");
    static final Setting<Integer> MIN_STRATUM_SIZE = Setting.wholeNumber(
            "cohort.min_stratum_size",
            10,
            1,
            Integer.MAX_VALUE,
            "Strata (topic x language, pooled to topic, then to complexity band) need this many"
                    + " conversations with a value on each side before they stand alone.");
    static final Setting<Integer> BAND_MIN_CONVERSATIONS = Setting.wholeNumber(
            "cohort.band_min_conversations",
            20,
            1,
            Integer.MAX_VALUE,
            "Complexity bands are cut from topics with at least this many human-first conversations.");
    static final Setting<Double> IPW_TRIM_LOW = Setting.number(
            "cohort.ipw_trim_low",
            "0.02",
            0,
            1,
            "Inverse-propensity weighting: rows whose propensity of being bot-first is below this are"
                    + " trimmed (left out of the IPW estimate and counted).");
    static final Setting<Double> IPW_TRIM_HIGH = Setting.number(
            "cohort.ipw_trim_high",
            "0.98",
            0,
            1,
            "Inverse-propensity weighting: rows whose propensity of being bot-first is above this are"
                    + " trimmed; must be above cohort.ipw_trim_low.");
    static final Setting<Double> IPW_REG_PARAM =
            Setting.number("cohort.ipw_reg_param", "0.001", 0, Double.MAX_VALUE, "L2 penalty of the propensity model.");
    static final Setting<Integer> BOOTSTRAP_REPLICATES = Setting.wholeNumber(
            "cohort.bootstrap_replicates",
            200,
            20,
            Integer.MAX_VALUE,
            "Replicates of the customer-clustered Poisson bootstrap behind the confidence intervals of"
                    + " every difference.");
    static final Setting<Long> BOOTSTRAP_SEED =
            Setting.longNumber("cohort.bootstrap_seed", 20240501L, "Seed of the bootstrap.");
    static final Setting<Double> CONFIDENCE_LEVEL = Setting.number(
            "cohort.confidence_level", "0.95", Setting.Interval.open(0.5, 1), "Confidence level of every interval.");
    static final Setting<Double> DID_MAX_BOT_SHARE = Setting.number(
            "cohort.did_max_bot_share",
            "0.05",
            new Setting.Interval(0, true, 1, false),
            "Difference-in-differences controls: topics the bot answers first less often than this after"
                    + " rollout.");
    static final Setting<String> PRIMARY_METHOD = Setting.oneOf(
            "cohort.primary_method",
            "stratified",
            List.of("stratified", "ipw"),
            "The adjusted method gold_quality_drop states: stratified or ipw.");

    static final Setting<Integer> TOPIC_MIN_N = Setting.wholeNumber(
            "cohort.topic_min_n",
            30,
            2,
            Integer.MAX_VALUE,
            "Per topic, gold_topic_quality judges worse_than_human only where the cohort and"
                    + " human-first each have at least this many values on the topic (below it the flag is"
                    + " null: too few to judge); the report ranks the topics with this many a side and counts"
                    + " the others.");

    static final Setting<Set<String>> LANGUAGES = Setting.names(
            "cohort.languages",
            "en,de,fr,es,pt,it,nl,sv,da,nb,fi,pl,zh,ja",
            0,
            "Languages (ISO 639-1, as in silver_conversations.language; 'pt-BR' counts as pt) whose"
                    + " conversations are also compared on their own, in gold_cohort_comparison_by_language and"
                    + " gold_quality_drop_by_language, with the same estimators as the overall rows. Default: the"
                    + " languages with signal phrase lists; blank: no language is stated on its own.");
    static final Setting<Integer> LANGUAGE_MIN_N = Setting.wholeNumber(
            "cohort.language_min_n",
            30,
            2,
            Integer.MAX_VALUE,
            "A language of cohort.languages is stated on its own only when it has at least this many"
                    + " bot-first and this many human-first conversations after the rollout; below it,"
                    + " gold_quality_drop_by_language says so instead of giving an estimate.");

    static final List<Setting<?>> DECLARED = List.of(
            ROLLOUT_DATE,
            ROLLOUT_SHARE_THRESHOLD,
            MIN_STRATUM_SIZE,
            BAND_MIN_CONVERSATIONS,
            IPW_TRIM_LOW,
            IPW_TRIM_HIGH,
            IPW_REG_PARAM,
            BOOTSTRAP_REPLICATES,
            BOOTSTRAP_SEED,
            CONFIDENCE_LEVEL,
            DID_MAX_BOT_SHARE,
            PRIMARY_METHOD,
            TOPIC_MIN_N,
            LANGUAGES,
            LANGUAGE_MIN_N);

    public ComparisonSettings {
        if (!(trimLow < trimHigh)) {
            throw new IllegalArgumentException(
                    "cohort.ipw_trim_low/high must satisfy 0 <= low < high <= 1, got " + trimLow + " and " + trimHigh);
        }
        for (String code : languages) {
            if (!LanguageSettings.isLinguaCode(code)) {
                throw new IllegalArgumentException("setting " + LANGUAGES.key() + ": '" + code
                        + "' is not a lower-case ISO 639-1 language code (e.g. en, de, pt, nb, zh)");
            }
        }
    }

    static ComparisonSettings from(PipelineConfig config) {
        return new ComparisonSettings(
                config.get(ROLLOUT_DATE),
                config.get(ROLLOUT_SHARE_THRESHOLD),
                config.get(MIN_STRATUM_SIZE),
                config.get(BAND_MIN_CONVERSATIONS),
                config.get(IPW_TRIM_LOW),
                config.get(IPW_TRIM_HIGH),
                config.get(IPW_REG_PARAM),
                config.get(BOOTSTRAP_REPLICATES),
                config.get(BOOTSTRAP_SEED),
                config.get(CONFIDENCE_LEVEL),
                config.get(DID_MAX_BOT_SHARE),
                config.get(PRIMARY_METHOD),
                config.get(TOPIC_MIN_N),
                config.get(LANGUAGES),
                config.get(LANGUAGE_MIN_N));
    }
}
