package org.csat.generate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All wording of one language: the {@link Phrase} pools, per-topic problem statements,
 * the bot's fixed answer per topic, agents' resolutions per topic, and agent first names.
 * Read once per {@link Language} from its file by {@link PhraseBookFile}; {@link Builder#build()}
 * refuses a book with a gap, so a missing translation fails at class load rather than as an
 * empty message in the output.
 */
final class PhraseBook {
    private final Map<Phrase, List<String>> pools;
    private final Map<Topic, List<String>> problems;
    private final Map<Topic, List<String>> botAnswers;
    private final Map<Topic, List<String>> resolutions;
    private final List<String> agentNames;

    private PhraseBook(Builder builder) {
        this.pools = builder.pools;
        this.problems = builder.problems;
        this.botAnswers = builder.botAnswers;
        this.resolutions = builder.resolutions;
        this.agentNames = builder.agentNames;
    }

    /** A builder whose failures name {@code source}, the file the wording comes from. */
    static Builder builder(String source) {
        return new Builder(source);
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
        return botAnswers.get(topic).get(0);
    }

    List<String> resolutions(Topic topic) {
        return resolutions.get(topic);
    }

    List<String> agentNames() {
        return agentNames;
    }

    /** Collects a language's wording and checks it is complete. */
    static final class Builder {
        private final String source;
        private final Map<Phrase, List<String>> pools = new EnumMap<>(Phrase.class);
        private final Map<Topic, List<String>> problems = new EnumMap<>(Topic.class);
        private final Map<Topic, List<String>> botAnswers = new EnumMap<>(Topic.class);
        private final Map<Topic, List<String>> resolutions = new EnumMap<>(Topic.class);
        private List<String> agentNames = List.of();

        private Builder(String source) {
            this.source = source;
        }

        Builder add(Phrase phrase, List<String> wordings) {
            pools.put(phrase, List.copyOf(wordings));
            return this;
        }

        /** What customers write when they first raise a topic. */
        Builder problems(Topic topic, List<String> customerProblems) {
            problems.put(topic, List.copyOf(customerProblems));
            return this;
        }

        /**
         * The bot's answer to a topic, as a list so that {@link #build()} can refuse more than
         * one, the same way it refuses a bot pool with several templates.
         */
        Builder botAnswer(Topic topic, List<String> botAnswer) {
            botAnswers.put(topic, List.copyOf(botAnswer));
            return this;
        }

        /** What agents write when they resolve a topic. */
        Builder resolutions(Topic topic, List<String> agentResolutions) {
            resolutions.put(topic, List.copyOf(agentResolutions));
            return this;
        }

        Builder agentNames(List<String> names) {
            agentNames = List.copyOf(names);
            return this;
        }

        PhraseBook build() {
            for (Phrase phrase : Phrase.values()) {
                List<String> pool = pools.get(phrase);
                if (pool == null || pool.isEmpty()) {
                    throw new IllegalStateException(source + " has no wording for " + phrase);
                }
                if (phrase.isBotTemplate() && pool.size() != 1) {
                    throw new IllegalStateException(source + ": bot template " + phrase + " must be one string");
                }
            }
            if (pools.get(Phrase.FOLLOWUP_QUESTION).size()
                    != pools.get(Phrase.AGENT_FOLLOWUP_ANSWER).size()) {
                throw new IllegalStateException(source + ": follow-up questions and answers must pair up");
            }
            for (Topic topic : Topic.values()) {
                if (isEmpty(problems.get(topic)) || isEmpty(botAnswers.get(topic)) || isEmpty(resolutions.get(topic))) {
                    throw new IllegalStateException(source + " has no wording for topic " + topic
                            + " (it needs problems, a bot answer and resolutions)");
                }
                if (botAnswers.get(topic).size() != 1) {
                    throw new IllegalStateException(source + ": bot answer for " + topic + " must be one string");
                }
            }
            if (agentNames.isEmpty()) {
                throw new IllegalStateException(source + " has no agent names");
            }
            return new PhraseBook(this);
        }

        private static boolean isEmpty(List<String> wordings) {
            return wordings == null || wordings.isEmpty();
        }
    }
}
