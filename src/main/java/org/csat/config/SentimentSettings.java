package org.csat.config;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** Which messages get CoreNLP sentiment and how they are parsed: {@code sentiment.*}. */
public record SentimentSettings(Set<String> languages, Set<String> roles, int maxSentenceTokens, String parseModel)
        implements Serializable {
    static final Setting<Set<String>> LANGUAGES = Setting.names(
            "sentiment.languages",
            "en",
            0,
            "CoreNLP's English model scores only these languages (BCP-47 primary subtags).");
    static final Setting<Set<String>> ROLES = Setting.names(
            "sentiment.roles",
            "customer,bot,agent",
            0,
            "Roles whose messages get sentiment. Bot and agent turns are mostly templates, which the"
                    + " per-batch sentence memo parses once, so scoring them costs little; drop a role here"
                    + " only if its per-message sentiment is not wanted (customer_sentiment_* reads customer"
                    + " turns only).");
    static final Setting<Integer> MAX_SENTENCE_TOKENS = Setting.wholeNumber(
            "sentiment.max_sentence_tokens",
            80,
            1,
            Integer.MAX_VALUE,
            "Sentences longer than this many tokens are not parsed (parse time grows ~cubically);"
                    + " they get no sentiment and do not count towards the message's score.");
    static final Setting<String> PARSE_MODEL = Setting.text(
            "sentiment.parse_model",
            "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz",
            "CoreNLP parser model used by the sentiment annotator.");

    static final List<Setting<?>> DECLARED = List.of(LANGUAGES, MAX_SENTENCE_TOKENS, PARSE_MODEL, ROLES);

    static SentimentSettings from(PipelineConfig config) {
        return new SentimentSettings(
                config.get(LANGUAGES), config.get(ROLES), config.get(MAX_SENTENCE_TOKENS), config.get(PARSE_MODEL));
    }
}
