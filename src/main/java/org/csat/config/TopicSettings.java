package org.csat.config;

import java.io.Serializable;
import java.util.List;

/**
 * {@code topic_cluster}: k-means over TF-IDF of the customer's words, {@code quality.topics.*}.
 * Fitted once there are {@code min_conversations} conversations with customer text, refitted
 * when they have grown {@code refit_growth} times (or with --rescore); every conversation is
 * then re-assigned.
 */
public record TopicSettings(
        int k, int minConversations, double refitGrowth, int vocabularySize, int minDocFreq, int topTerms, int seed)
        implements Serializable {
    static final Setting<Integer> K =
            Setting.wholeNumber("quality.topics.k", 12, 2, Integer.MAX_VALUE, "Number of topic clusters.");
    static final Setting<Integer> MIN_CONVERSATIONS = Setting.wholeNumber(
            "quality.topics.min_conversations",
            200,
            1,
            Integer.MAX_VALUE,
            "Conversations with customer text needed before the first topic model is fitted.");
    static final Setting<Double> REFIT_GROWTH = Setting.number(
            "quality.topics.refit_growth",
            "2.0",
            1,
            Double.MAX_VALUE,
            "Refit the topic model when the conversations with customer text have grown this many times"
                    + " since it was fitted.");
    static final Setting<Integer> VOCABULARY_SIZE = Setting.wholeNumber(
            "quality.topics.vocabulary_size", 3000, 1, Integer.MAX_VALUE, "Words kept in the TF-IDF vocabulary.");
    static final Setting<Integer> MIN_DOC_FREQ = Setting.wholeNumber(
            "quality.topics.min_doc_freq",
            3,
            1,
            Integer.MAX_VALUE,
            "A word needs this many conversations to enter the vocabulary.");
    static final Setting<Integer> TOP_TERMS = Setting.wholeNumber(
            "quality.topics.top_terms", 8, 1, Integer.MAX_VALUE, "Top terms per topic written to the topics table.");
    static final Setting<Integer> SEED =
            Setting.wholeNumber("quality.topics.seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "Seed of k-means.");

    /** Every setting of the topic model: all of them go into its version ({@code ModelVersions}). */
    public static final List<Setting<?>> DECLARED =
            List.of(K, MIN_CONVERSATIONS, REFIT_GROWTH, VOCABULARY_SIZE, MIN_DOC_FREQ, TOP_TERMS, SEED);

    static TopicSettings from(PipelineConfig config) {
        return new TopicSettings(
                config.get(K),
                config.get(MIN_CONVERSATIONS),
                config.get(REFIT_GROWTH),
                config.get(VOCABULARY_SIZE),
                config.get(MIN_DOC_FREQ),
                config.get(TOP_TERMS),
                config.get(SEED));
    }
}
