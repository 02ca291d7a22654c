package org.csat.generate;

/**
 * Writes a human agent's part of a conversation, from the start or after the bot handed
 * over. The customer waits in the queue (30 s - 10 min, 1.5 - 30 min after a handoff,
 * sometimes nudging "hello?"), the agent greets by name, shows empathy to an upset
 * customer, asks for the order number, checks, occasionally transfers a hard case to a
 * colleague, and then resolves or cannot, with the customer leaving as the planned
 * {@link Outcome} says.
 */
final class AgentScript {
    private final Dialogue d;
    private final Outcome outcome;
    private final boolean afterHandoff;
    private AgentRoster.Agent agent;

    AgentScript(Dialogue dialogue, Outcome outcome, boolean afterHandoff) {
        this.d = dialogue;
        this.outcome = outcome;
        this.afterHandoff = afterHandoff;
        this.agent = AgentRoster.pick(dialogue.customer.language(), dialogue.dice);
    }

    void run() {
        greetAfterQueue();
        if (d.openingPending) {
            d.transcript.customer(d.voice.opening(d.repeat));
            d.openingPending = false;
        } else if (afterHandoff && d.dice.chance(0.3)) {
            d.transcript.customer(d.voice.rephrase());
        }
        if (d.mood != Mood.CALM && d.dice.chance(0.6)) {
            say(Phrase.AGENT_EMPATHY);
        }
        if (d.needsOrderNumber() && !d.orderGiven && d.dice.chance(0.75)) {
            say(Phrase.AGENT_ASK_ORDER);
            if (outcome.ending() == Ending.ABANDONED && d.dice.chance(0.35)) {
                customerGoesSilent();
                return;
            }
            if (d.dice.chance(0.08)) {
                d.transcript.pause(d.dice.between(120, 400));
                say(Phrase.AGENT_STILL_THERE);
                d.transcript.customer(d.voice.stillHere());
            }
            d.transcript.customer(d.voice.orderDetail());
            d.orderGiven = true;
        }
        if (d.dice.chance(0.6)) {
            say(Phrase.AGENT_CHECKING);
            d.transcript.pause(d.dice.logUniform(20, 300));
        }
        if (d.topic.complexity() == Complexity.HIGH && d.dice.chance(0.06)) {
            transferToColleague();
        }
        if (outcome.resolved()) {
            resolve();
        } else {
            fail();
        }
    }

    private void greetAfterQueue() {
        int queue = afterHandoff ? d.dice.logUniform(90, 1800) : d.dice.logUniform(30, 600);
        if (queue > 240 && d.dice.chance(0.45)) {
            d.transcript.pause(queue / 2);
            d.transcript.customer(d.voice.waiting());
            queue -= queue / 2;
        }
        Phrase greeting = afterHandoff ? Phrase.AGENT_HANDOFF_GREETING : Phrase.AGENT_GREETING;
        d.transcript.agentAfterQueue(agent, named(d.phrase(greeting)), queue);
    }

    private void transferToColleague() {
        say(Phrase.AGENT_TRANSFER);
        d.systemEvent("transfer");
        agent = AgentRoster.pick(d.customer.language(), d.dice);
        d.transcript.agentAfterQueue(agent, named(d.phrase(Phrase.AGENT_GREETING)), d.dice.logUniform(60, 600));
    }

    private void resolve() {
        d.transcript.agent(agent, d.dice.pick(d.book.resolutions(d.topic)));
        if (d.dice.chance(0.3)) {
            answerFollowUp();
        }
        if (outcome.ending() == Ending.CONFIRMED) {
            d.transcript.customer(d.voice.confirm(false));
        } else if (d.dice.chance(0.5)) {
            d.transcript.customer(d.voice.shortAck());
        }
        if (d.dice.chance(0.7)) {
            say(Phrase.AGENT_CLOSING);
        }
        d.maybeClose(0.5);
    }

    private void fail() {
        say(Phrase.AGENT_UNRESOLVED);
        if (outcome.ending() != Ending.ABANDONED && d.dice.chance(0.25)) {
            answerFollowUp();
        }
        switch (outcome.ending()) {
            case FRUSTRATED -> {
                d.transcript.customer(d.voice.frustration());
                if (d.dice.chance(0.4)) {
                    say(Phrase.AGENT_EMPATHY);
                }
                d.maybeClose(0.4);
            }
            case QUIET -> {
                d.transcript.customer(d.voice.shortAck());
                if (d.dice.chance(0.5)) {
                    say(Phrase.AGENT_CLOSING);
                }
                d.maybeClose(0.4);
            }
            default -> customerGoesSilent();
        }
    }

    private void answerFollowUp() {
        d.transcript.customer(d.voice.followUp());
        d.transcript.agent(agent, d.book.pool(Phrase.AGENT_FOLLOWUP_ANSWER).get(d.voice.lastFollowUp()));
    }

    private void customerGoesSilent() {
        if (d.dice.chance(0.6)) {
            d.transcript.pause(d.dice.between(120, 600));
            say(Phrase.AGENT_STILL_THERE);
        }
        d.timeOut(0.7);
    }

    private void say(Phrase phrase) {
        d.transcript.agent(agent, d.phrase(phrase));
    }

    private String named(String text) {
        return text.replace("{name}", agent.name());
    }
}
