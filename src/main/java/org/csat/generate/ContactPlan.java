package org.csat.generate;

/**
 * A conversation that will happen: when, who, about what. {@code previousMood} and
 * {@code repeatOf} are set for a repeat contact about a problem an earlier conversation
 * left unresolved, and null for a first contact.
 */
record ContactPlan(long startedAt, Customer customer, Topic topic, Mood previousMood, String repeatOf) {

    boolean isRepeat() {
        return repeatOf != null;
    }
}
