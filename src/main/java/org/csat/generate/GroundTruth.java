package org.csat.generate;

import java.util.List;

/**
 * What really happened in a generated conversation, whatever the transcript shows: written
 * to the truth file ({@code --truth}) so tests can score the pipeline's detectors against
 * it. {@code repeatOf} names the earlier conversation this one follows up, or is null;
 * {@code pii} lists the kinds of personal data planted in customer turns.
 */
record GroundTruth(
        String conversationId,
        String customerId,
        Topic topic,
        Mood mood,
        boolean botFirst,
        Handling handling,
        boolean resolved,
        Ending ending,
        boolean handoffEvent,
        int botFallbacks,
        boolean askedForHuman,
        String repeatOf,
        List<String> pii,
        boolean surveyed) {}
