package org.csat.config;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Resolution, repeat contact and effort: {@code quality.*} (the resolution model's, the CSAT
 * model's and the topics' own settings are {@link ResolutionModelSettings},
 * {@link CsatModelSettings} and {@link TopicSettings}).
 */
public record QualitySettings(
        int repeatWindowDays,
        Set<String> abandonEvents,
        double nearDuplicateSimilarity,
        int nearDuplicateMinWords,
        ResolutionModelSettings resolutionModel,
        CsatModelSettings csatModel,
        TopicSettings topics)
        implements Serializable {
    static final Setting<Integer> REPEAT_WINDOW_DAYS = Setting.wholeNumber(
            "quality.repeat_window_days",
            7,
            0,
            3660,
            "A conversation is a repeat contact when the same customer_id starts another conversation"
                    + " within this many days after it ended.");
    static final Setting<Set<String>> ABANDON_EVENTS = Setting.names(
            "quality.abandon_events",
            "timeout,abandoned,customer_left,customer_timeout,disconnected,idle_timeout",
            0,
            "System events (messages[].event) that mean the customer went away: without a confirmation"
                    + " before them the conversation is abandoned.");
    static final Setting<Double> NEAR_DUPLICATE_SIMILARITY = Setting.number(
            "quality.near_duplicate_similarity",
            "0.6",
            0,
            1,
            "Two turns of one role are near-duplicates when their normalized word sets overlap at least"
                    + " this much (Jaccard) and both have at least quality.near_duplicate_min_words words.");
    static final Setting<Integer> NEAR_DUPLICATE_MIN_WORDS = Setting.wholeNumber(
            "quality.near_duplicate_min_words",
            3,
            1,
            Integer.MAX_VALUE,
            "The fewest words a turn needs to count as a near-duplicate of another.");

    static final List<Setting<?>> DECLARED =
            List.of(REPEAT_WINDOW_DAYS, ABANDON_EVENTS, NEAR_DUPLICATE_SIMILARITY, NEAR_DUPLICATE_MIN_WORDS);

    static QualitySettings from(PipelineConfig config) {
        return new QualitySettings(
                config.get(REPEAT_WINDOW_DAYS),
                config.get(ABANDON_EVENTS),
                config.get(NEAR_DUPLICATE_SIMILARITY),
                config.get(NEAR_DUPLICATE_MIN_WORDS),
                ResolutionModelSettings.from(config),
                CsatModelSettings.from(config),
                TopicSettings.from(config));
    }
}
