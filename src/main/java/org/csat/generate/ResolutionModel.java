package org.csat.generate;

import java.util.EnumMap;
import java.util.Map;

/**
 * The planted effect: how likely a conversation is to end resolved. A human-first
 * conversation resolves with a base rate per complexity band shifted a little by the
 * customer's mood; a bot-first conversation resolves with that same rate minus the bot
 * penalty of its band ({@code --bot-penalty}), clamped to [0, 1]. The penalty applies to
 * every bot-first conversation, escalated ones included, so comparing bot-first with
 * human-first chats of one band recovers it exactly in expectation (routing never looks
 * at mood).
 */
public final class ResolutionModel {
    private static final Map<Complexity, Double> HUMAN_BASE =
            Map.of(Complexity.LOW, 0.90, Complexity.MEDIUM, 0.82, Complexity.HIGH, 0.70);
    private static final Map<Mood, Double> MOOD_SHIFT = Map.of(Mood.CALM, 0.03, Mood.ANNOYED, -0.02, Mood.ANGRY, -0.06);

    private final Map<Complexity, Double> botPenalty;

    ResolutionModel(Map<Complexity, Double> botPenalty) {
        this.botPenalty = new EnumMap<>(botPenalty);
    }

    /** The bot's drop in resolution probability for a band. */
    public double botPenalty(Complexity band) {
        return botPenalty.get(band);
    }

    /** Probability that a human-first conversation ends resolved. */
    public double humanResolveProbability(Complexity band, Mood mood) {
        return clamp(HUMAN_BASE.get(band) + MOOD_SHIFT.get(mood));
    }

    /** Probability that a bot-first conversation ends resolved (by the bot or after escalation). */
    public double botFirstResolveProbability(Complexity band, Mood mood) {
        return clamp(humanResolveProbability(band, mood) - botPenalty.get(band));
    }

    double resolveProbability(boolean botFirst, Complexity band, Mood mood) {
        return botFirst ? botFirstResolveProbability(band, mood) : humanResolveProbability(band, mood);
    }

    private static double clamp(double probability) {
        return Math.max(0.0, Math.min(1.0, probability));
    }
}
