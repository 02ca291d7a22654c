package org.csat.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The human agents: a fixed team per language (ids {@code a-1} upwards, names from the
 * language's phrase book), so an agent id always goes with the same name. A customer is
 * served by a random agent of their language's team.
 */
final class AgentRoster {
    /** The bot's agent id. */
    static final String BOT_ID = "assistant-v2";

    private static final Map<Language, Integer> TEAM_SIZES = teamSizes();
    private static final Map<Language, List<Agent>> TEAMS = buildTeams();

    /** One human agent. */
    record Agent(String id, String name) {}

    private AgentRoster() {}

    static Agent pick(Language language, Dice dice) {
        return dice.pick(TEAMS.get(language));
    }

    private static Map<Language, Integer> teamSizes() {
        Map<Language, Integer> sizes = new EnumMap<>(Language.class);
        sizes.put(Language.EN, 40);
        sizes.put(Language.DE, 8);
        sizes.put(Language.FR, 6);
        sizes.put(Language.ES, 6);
        sizes.put(Language.SV, 8);
        return sizes;
    }

    private static Map<Language, List<Agent>> buildTeams() {
        Map<Language, List<Agent>> teams = new EnumMap<>(Language.class);
        int next = 1;
        for (Language language : Language.values()) {
            List<String> names = language.phrases().agentNames();
            List<Agent> team = new ArrayList<>();
            for (int i = 0; i < TEAM_SIZES.get(language); i++) {
                team.add(new Agent("a-" + next, names.get(i % names.size())));
                next++;
            }
            teams.put(language, List.copyOf(team));
        }
        return teams;
    }
}
