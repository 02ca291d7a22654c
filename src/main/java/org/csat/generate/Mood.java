package org.csat.generate;

/**
 * The customer's mood when the chat opens. It shapes the wording of customer turns
 * (caps, emoji, complaints) and shifts the odds of resolution a little
 * (see {@link ResolutionModel}); it never influences routing to bot or human.
 */
enum Mood {
    CALM,
    ANNOYED,
    ANGRY;

    /** Starting-mood mix of first contacts: hard topics bring angrier customers. */
    static double[] weightsFor(Complexity band) {
        return switch (band) {
            case LOW -> new double[] {60, 30, 10};
            case MEDIUM -> new double[] {55, 32, 13};
            case HIGH -> new double[] {40, 35, 25};
        };
    }

    /** One step angrier, for a customer who has to come back about the same problem. */
    Mood worse() {
        return this == CALM ? ANNOYED : ANGRY;
    }
}
