package org.csat.generate;

/**
 * What a conversation is going to be, decided before a word of it is written: who
 * takes the first turn, who ends up handling it, whether it is resolved and how the
 * customer leaves. The scripts then write a transcript that plays this out.
 */
record Outcome(boolean botFirst, Handling handling, boolean resolved, Ending ending) {}
