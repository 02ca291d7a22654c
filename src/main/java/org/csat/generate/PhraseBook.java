package org.csat.generate;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All wording of one language: the {@link Phrase} pools, per-topic problem statements,
 * the bot's fixed answer per topic, agents' resolutions per topic, and agent first names.
 * Built once per {@link Language}; {@link Builder#build()} refuses a book with a gap, so a
 * missing translation fails at class load rather than as an empty message in the output.
 */
final class PhraseBook {
    private final Map<Phrase, List<String>> pools;
    private final Map<Topic, List<String>> problems;
    private final Map<Topic, String> botAnswers;
    private final Map<Topic, List<String>> resolutions;
    private final List<String> agentNames;

    private PhraseBook(Builder builder) {
        this.pools = builder.pools;
        this.problems = builder.problems;
        this.botAnswers = builder.botAnswers;
        this.resolutions = builder.resolutions;
        this.agentNames = builder.agentNames;
    }

    static Builder builder(String language) {
        return new Builder(language);
    }

    List<String> pool(Phrase phrase) {
        return pools.get(phrase);
    }

    /** The one fixed string of a bot pool. */
    String botTemplate(Phrase phrase) {
        return pools.get(phrase).get(0);
    }

    List<String> problems(Topic topic) {
        return problems.get(topic);
    }

    String botAnswer(Topic topic) {
        return botAnswers.get(topic);
    }

    List<String> resolutions(Topic topic) {
        return resolutions.get(topic);
    }

    List<String> agentNames() {
        return agentNames;
    }

    /** Collects a language's wording and checks it is complete. */
    static final class Builder {
        private final String language;
        private final Map<Phrase, List<String>> pools = new EnumMap<>(Phrase.class);
        private final Map<Topic, List<String>> problems = new EnumMap<>(Topic.class);
        private final Map<Topic, String> botAnswers = new EnumMap<>(Topic.class);
        private final Map<Topic, List<String>> resolutions = new EnumMap<>(Topic.class);
        private List<String> agentNames = List.of();

        private Builder(String language) {
            this.language = language;
        }

        Builder add(Phrase phrase, String... wordings) {
            pools.put(phrase, List.copyOf(Arrays.asList(wordings)));
            return this;
        }

        /** A topic's customer problem statements, the bot's answer and agents' resolutions. */
        Builder topic(Topic topic, String botAnswer, List<String> agentResolutions, String... customerProblems) {
            botAnswers.put(topic, botAnswer);
            resolutions.put(topic, List.copyOf(agentResolutions));
            problems.put(topic, List.copyOf(Arrays.asList(customerProblems)));
            return this;
        }

        Builder agentNames(String... names) {
            agentNames = List.copyOf(Arrays.asList(names));
            return this;
        }

        PhraseBook build() {
            for (Phrase phrase : Phrase.values()) {
                List<String> pool = pools.get(phrase);
                if (pool == null || pool.isEmpty()) {
                    throw new IllegalStateException(language + " phrase book has no " + phrase);
                }
                if (phrase.isBotTemplate() && pool.size() != 1) {
                    throw new IllegalStateException(language + " bot template " + phrase + " must be one string");
                }
            }
            if (pools.get(Phrase.FOLLOWUP_QUESTION).size()
                    != pools.get(Phrase.AGENT_FOLLOWUP_ANSWER).size()) {
                throw new IllegalStateException(language + " follow-up questions and answers must pair up");
            }
            for (Topic topic : Topic.values()) {
                if (!problems.containsKey(topic)
                        || problems.get(topic).isEmpty()
                        || resolutions.get(topic).isEmpty()) {
                    throw new IllegalStateException(language + " phrase book has no wording for " + topic.label());
                }
            }
            if (agentNames.isEmpty()) {
                throw new IllegalStateException(language + " phrase book has no agent names");
            }
            return new PhraseBook(this);
        }
    }
}
