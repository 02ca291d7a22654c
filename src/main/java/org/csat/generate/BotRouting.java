package org.csat.generate;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which share of each complexity band the bot takes the first turn of after rollout.
 * By default the bot takes simple topics far more often than hard ones (0.85 / 0.60 /
 * 0.35 for low / medium / high); {@link #scaledTo} multiplies that profile by one factor,
 * found by bisection, so that the share over the expected contact mix equals
 * {@code --bot-share}. The contact mix is the topic mix of new contacts corrected for the
 * repeat contacts each band brings back, since unresolved hard topics return more often.
 */
final class BotRouting {
    private static final Map<Complexity, Double> PROFILE = profile();

    private BotRouting() {}

    static Map<Complexity, Double> scaledTo(double overallShare, ResolutionModel resolution) {
        double low = 0;
        double high = 1 / PROFILE.get(Complexity.HIGH);
        for (int step = 0; step < 60; step++) {
            double mid = (low + high) / 2;
            if (overall(shares(mid), resolution) < overallShare) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return shares((low + high) / 2);
    }

    /** The bot-first share over all contacts, repeat contacts included, for given band shares. */
    static double overall(Map<Complexity, Double> shares, ResolutionModel resolution) {
        double botFirst = 0;
        double contacts = 0;
        for (Complexity band : Complexity.values()) {
            double share = shares.get(band);
            double resolved = share * meanOverMoods(band, true, resolution)
                    + (1 - share) * meanOverMoods(band, false, resolution);
            double comesBack = (1 - resolved) * ConversationGenerator.REPEAT_IF_UNRESOLVED
                    + resolved * ConversationGenerator.REPEAT_IF_RESOLVED;
            double bandContacts = Topic.shareOf(band) / (1 - comesBack);
            contacts += bandContacts;
            botFirst += bandContacts * share;
        }
        return botFirst / contacts;
    }

    private static double meanOverMoods(Complexity band, boolean botFirst, ResolutionModel resolution) {
        double[] weights = Mood.weightsFor(band);
        double total = 0;
        double weighted = 0;
        for (Mood mood : Mood.values()) {
            total += weights[mood.ordinal()];
            weighted += weights[mood.ordinal()] * resolution.resolveProbability(botFirst, band, mood);
        }
        return weighted / total;
    }

    private static Map<Complexity, Double> shares(double factor) {
        Map<Complexity, Double> shares = new EnumMap<>(Complexity.class);
        for (Complexity band : Complexity.values()) {
            shares.put(band, Math.min(1.0, PROFILE.get(band) * factor));
        }
        return shares;
    }

    private static Map<Complexity, Double> profile() {
        Map<Complexity, Double> profile = new EnumMap<>(Complexity.class);
        profile.put(Complexity.LOW, 0.85);
        profile.put(Complexity.MEDIUM, 0.60);
        profile.put(Complexity.HIGH, 0.35);
        return profile;
    }
}
