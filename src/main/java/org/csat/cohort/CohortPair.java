package org.csat.cohort;

import java.util.Set;

/**
 * The contrasts the comparison reports, each a treated cohort against human-first
 * conversations after the rollout. {@code BOT_FIRST_VS_HUMAN} is the fair one (intention to
 * treat): every conversation the bot answered first, whether it kept it or handed it over,
 * against those an agent answered first. The other two split bot-first by how it ended and
 * are descriptive only: the bot hands over the chats it is failing, so "bot only" looks
 * better and "bot to human" worse than the bot really is.
 */
enum CohortPair {
    BOT_FIRST_VS_HUMAN("bot_first_vs_human", "bot_first", Set.of("bot", "bot_to_human")),
    BOT_VS_HUMAN("bot_vs_human", "bot", Set.of("bot")),
    BOT_TO_HUMAN_VS_HUMAN("bot_to_human_vs_human", "bot_to_human", Set.of("bot_to_human"));

    /** The control cohort of every pair: an agent answered first. */
    public static final String CONTROL = "human";

    private final String label;
    private final String treated;
    private final Set<String> treatedHandledBy;

    CohortPair(String label, String treated, Set<String> treatedHandledBy) {
        this.label = label;
        this.treated = treated;
        this.treatedHandledBy = treatedHandledBy;
    }

    public String label() {
        return label;
    }

    /** The treated cohort's name as written in the tables. */
    public String treated() {
        return treated;
    }

    /** Whether a conversation with this {@code handled_by} is on the treated side. */
    public boolean isTreated(String handledBy) {
        return treatedHandledBy.contains(handledBy);
    }

    public Set<String> treatedHandledBy() {
        return treatedHandledBy;
    }
}
