package org.csat.generate;

/**
 * How a customer types, fixed per customer so that one person's chats read alike:
 * {@link TextNoise} turns it into lowercase, typos or emoji.
 */
enum WritingStyle {
    /** Capitals and punctuation, the odd typo. */
    NEAT,
    /** Mostly lowercase, little punctuation. */
    CASUAL,
    /** Frequent typos, half the time lowercase. */
    SLOPPY,
    /** Neat-ish but adds emoji. */
    EMOJI;

    static WritingStyle draw(Dice dice) {
        return values()[dice.weighted(new double[] {40, 30, 15, 15})];
    }
}
