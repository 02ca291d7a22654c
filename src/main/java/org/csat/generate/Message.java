package org.csat.generate;

/**
 * One generated message. {@code timestamped} is false for the few messages written
 * without {@code ts}; {@code agentId} and {@code event} are null where the role has none.
 */
record Message(long at, boolean timestamped, String role, String agentId, String event, String text) {}
