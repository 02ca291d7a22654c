package org.csat.generate;

/**
 * Draws the post-chat survey. A conversation is surveyed with probability
 * {@code --survey-rate}, independently of everything else, so surveyed chats are a fair
 * sample. The score is a latent satisfaction plus Gaussian noise, rounded into 1-5: high
 * when resolved (4.35) and low when not (1.9), lowered for bot handling and especially
 * for a handoff, for an annoyed or angry customer, for each customer turn beyond three,
 * for a repeat contact and for a frustrated ending, and raised for a confirmed one. So a
 * resolved human chat mostly scores 4-5 and an unresolved bot chat mostly 1-2.
 */
final class CsatModel {
    private final double surveyRate;

    CsatModel(double surveyRate) {
        this.surveyRate = surveyRate;
    }

    boolean surveyed(Dice dice) {
        return dice.chance(surveyRate);
    }

    int score(Outcome outcome, Mood mood, int customerTurns, boolean repeat, Dice dice) {
        double latent = outcome.resolved() ? 4.35 : 1.9;
        latent -= switch (outcome.handling()) {
            case BOT_ONLY -> 0.25;
            case ESCALATED -> 0.4;
            case HUMAN -> 0.0;
        };
        latent -= switch (mood) {
            case CALM -> 0.0;
            case ANNOYED -> 0.25;
            case ANGRY -> 0.55;
        };
        latent -= 0.07 * Math.max(0, customerTurns - 3);
        if (repeat) {
            latent -= 0.3;
        }
        if (outcome.ending() == Ending.FRUSTRATED) {
            latent -= 0.4;
        } else if (outcome.ending() == Ending.CONFIRMED) {
            latent += 0.2;
        }
        long score = Math.round(latent + 0.75 * dice.gaussian());
        return (int) Math.max(1, Math.min(5, score));
    }
}
