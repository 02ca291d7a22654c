package org.csat.config;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Which messages get sentiment, how CoreNLP parses them and how much the chat lexicon weighs in
 * the reported score and label: {@code sentiment.*}.
 */
public record SentimentSettings(
        Set<String> languages,
        Set<String> roles,
        int maxSentenceTokens,
        String parseModel,
        double lexiconWeight,
        double lexiconOverride)
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

    static final Setting<Double> LEXICON_WEIGHT = Setting.number(
            "sentiment.lexicon_weight",
            "0.5",
            0,
            1,
            "Weight of the chat lexicon (VADER's word list plus the support phrases of"
                    + " conf/sentiment/en.txt) in silver_messages.sentiment; CoreNLP's score gets the rest"
                    + " and stays in corenlp_sentiment. 0 reports CoreNLP alone.");

    static final Setting<Double> LEXICON_OVERRIDE = Setting.number(
            "sentiment.lexicon_override",
            "0.5",
            0.05,
            1,
            "silver_messages.sentiment_label is CoreNLP's class, except where CoreNLP reads neutral and"
                    + " the chat lexicon's compound is at least this far from 0 (0.5: one word people rated"
                    + " beyond 2.2 of VADER's 4, or a support phrase): then the lexicon's polarity. Lower lets"
                    + " milder lexicon readings (\"thanks\", \"I like\") label CoreNLP's neutrals; 1 never"
                    + " does. Measured in docs/quality.md (bench/sentiment-accuracy).");

    static final List<Setting<?>> DECLARED =
            List.of(LANGUAGES, LEXICON_OVERRIDE, LEXICON_WEIGHT, MAX_SENTENCE_TOKENS, PARSE_MODEL, ROLES);

    static SentimentSettings from(PipelineConfig config) {
        return new SentimentSettings(
                config.get(LANGUAGES),
                config.get(ROLES),
                config.get(MAX_SENTENCE_TOKENS),
                config.get(PARSE_MODEL),
                config.get(LEXICON_WEIGHT),
                config.get(LEXICON_OVERRIDE));
    }
}
