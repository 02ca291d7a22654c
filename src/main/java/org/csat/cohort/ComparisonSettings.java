package org.csat.cohort;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.csat.config.PipelineConfig;

/**
 * The {@code cohort.*} settings of the comparison, read and checked once. See
 * conf/csat.properties for what each one does.
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
        String primaryMethod)
        implements Serializable {

    public ComparisonSettings {
        check(
                rolloutShareThreshold > 0 && rolloutShareThreshold <= 1,
                "cohort.rollout_share_threshold must be in (0, 1]");
        check(minStratumSize >= 1, "cohort.min_stratum_size must be at least 1");
        check(bandMinConversations >= 1, "cohort.band_min_conversations must be at least 1");
        check(
                trimLow >= 0 && trimLow < trimHigh && trimHigh <= 1,
                "cohort.ipw_trim_low/high must satisfy 0 <= low < high <= 1");
        check(regParam >= 0, "cohort.ipw_reg_param must not be negative");
        check(bootstrapReplicates >= 20, "cohort.bootstrap_replicates must be at least 20");
        check(confidenceLevel > 0.5 && confidenceLevel < 1, "cohort.confidence_level must be in (0.5, 1)");
        check(didMaxBotShare >= 0 && didMaxBotShare < 1, "cohort.did_max_bot_share must be in [0, 1)");
        check(
                primaryMethod.equals(Method.STRATIFIED) || primaryMethod.equals(Method.IPW),
                "cohort.primary_method must be stratified or ipw, got '" + primaryMethod + "'");
    }

    public static ComparisonSettings from(PipelineConfig config) {
        String date = config.string("cohort.rollout_date");
        LocalDate rollout;
        try {
            rollout = date.isEmpty() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "cohort.rollout_date must be YYYY-MM-DD or blank, got '" + date + "'", e);
        }
        return new ComparisonSettings(
                rollout,
                config.number("cohort.rollout_share_threshold"),
                config.integer("cohort.min_stratum_size"),
                config.integer("cohort.band_min_conversations"),
                config.number("cohort.ipw_trim_low"),
                config.number("cohort.ipw_trim_high"),
                config.number("cohort.ipw_reg_param"),
                config.integer("cohort.bootstrap_replicates"),
                Long.parseLong(config.string("cohort.bootstrap_seed")),
                config.number("cohort.confidence_level"),
                config.number("cohort.did_max_bot_share"),
                config.string("cohort.primary_method"));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The names of the estimation methods as written in the tables. */
    public static final class Method {
        public static final String RAW = "raw";
        public static final String STRATIFIED = "stratified";
        public static final String IPW = "ipw";
        public static final String BEFORE_AFTER = "before_after";
        public static final String DID = "did";

        private Method() {}
    }
}
