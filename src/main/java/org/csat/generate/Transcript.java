package org.csat.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of a conversation as they are being written, with the clock that stamps
 * them. Each kind of turn moves the clock by its own delay: the bot answers in 1-4 s,
 * a human agent in 20-180 s once the conversation is theirs, and a customer after a
 * typing time that grows with the length of what they write. About 2% of messages after
 * the first lose their {@code ts}, as the contract allows.
 */
final class Transcript {
    private static final double MISSING_TS_RATE = 0.02;

    private final Dice dice;
    private final List<Message> messages = new ArrayList<>();
    private long now;
    private int customerTurns;
    private int botFallbacks;

    Transcript(long startedAt, Dice dice) {
        this.now = startedAt;
        this.dice = dice;
    }

    void customer(String text) {
        if (!messages.isEmpty()) {
            pause(dice.between(3, 15) + text.length() / 4);
        }
        customerTurns++;
        add("customer", null, null, text);
    }

    void bot(String text) {
        if (!messages.isEmpty()) {
            pause(dice.between(1, 4));
        }
        add("bot", AgentRoster.BOT_ID, null, text);
    }

    void botFallback(String text) {
        botFallbacks++;
        bot(text);
    }

    /** An agent turn in an ongoing exchange. */
    void agent(AgentRoster.Agent agent, String text) {
        pause(dice.logUniform(20, 180));
        add("agent", agent.id(), null, text);
    }

    /** An agent's first turn, after the customer waited {@code queueSeconds} in the queue. */
    void agentAfterQueue(AgentRoster.Agent agent, String text, int queueSeconds) {
        pause(queueSeconds);
        add("agent", agent.id(), null, text);
    }

    void system(String event, String text) {
        pause(dice.between(0, 2));
        add("system", null, event, text);
    }

    void pause(int seconds) {
        now += seconds;
    }

    int customerTurns() {
        return customerTurns;
    }

    int botFallbacks() {
        return botFallbacks;
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    private void add(String role, String agentId, String event, String text) {
        boolean timestamped = messages.isEmpty() || !dice.chance(MISSING_TS_RATE);
        messages.add(new Message(now, timestamped, role, agentId, event, text));
    }
}
