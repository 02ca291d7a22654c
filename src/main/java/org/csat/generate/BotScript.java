package org.csat.generate;

/**
 * Writes the bot's part of a bot-first conversation. The bot greets, sometimes fails to
 * understand and answers with its fallback until the customer has rephrased enough (a
 * bot loop, more likely on hard topics and in conversations that will fail), asks for
 * the order number, gives its fixed answer for the topic, and then, by the planned
 * {@link Outcome}: wraps up, hands over to a human (usually with a {@code handoff}
 * system event, sometimes without), or keeps failing until the customer gives up.
 */
final class BotScript {
    private final Dialogue d;
    private final Outcome outcome;

    BotScript(Dialogue dialogue, Outcome outcome) {
        this.d = dialogue;
        this.outcome = outcome;
    }

    void run() {
        open();
        fallbackLoop(loopRate());
        if (d.needsOrderNumber() && d.dice.chance(0.7)) {
            d.transcript.bot(d.botTemplate(Phrase.BOT_ASK_ORDER));
            d.transcript.customer(d.voice.orderDetail());
            d.orderGiven = true;
        }
        d.transcript.bot(d.book.botAnswer(d.topic));
        boolean askedIfHelped = d.dice.chance(0.5);
        if (askedIfHelped) {
            d.transcript.bot(d.botTemplate(Phrase.BOT_DID_IT_HELP));
        }
        if (outcome.handling() == Handling.ESCALATED) {
            escalate();
            new AgentScript(d, outcome, true).run();
        } else if (outcome.resolved()) {
            wrapUp(askedIfHelped);
        } else {
            keepFailing();
        }
    }

    private void open() {
        if (d.dice.chance(0.25)) {
            d.transcript.bot(d.botTemplate(Phrase.BOT_GREETING));
            d.transcript.customer(d.voice.opening(d.repeat));
        } else if (d.dice.chance(0.12)) {
            d.transcript.customer(d.voice.shortOpener());
            d.transcript.bot(d.botTemplate(Phrase.BOT_GREETING));
            d.transcript.customer(d.voice.opening(d.repeat));
        } else {
            d.transcript.customer(d.voice.opening(d.repeat));
        }
    }

    private double loopRate() {
        double rate = 0.10;
        if (d.topic.complexity() == Complexity.HIGH) {
            rate += 0.08;
        }
        if (!outcome.resolved()) {
            rate += 0.12;
        }
        if (d.customer.style() == WritingStyle.SLOPPY) {
            rate += 0.05;
        }
        return rate;
    }

    /** The bot's fallback 1-3 times, the customer rephrasing after each. */
    private void fallbackLoop(double probability) {
        if (!d.dice.chance(probability)) {
            return;
        }
        int rounds = d.dice.between(1, 3);
        for (int round = 0; round < rounds; round++) {
            d.transcript.botFallback(d.botTemplate(Phrase.BOT_FALLBACK));
            d.transcript.customer(d.voice.rephrase());
        }
    }

    private void wrapUp(boolean askedIfHelped) {
        if (outcome.ending() == Ending.CONFIRMED) {
            d.transcript.customer(d.voice.confirm(askedIfHelped));
        } else if (d.dice.chance(0.6)) {
            d.transcript.customer(d.voice.shortAck());
        }
        if (d.dice.chance(0.5)) {
            d.transcript.bot(d.botTemplate(Phrase.BOT_ANYTHING_ELSE));
            if (d.dice.chance(0.6)) {
                d.transcript.customer(d.voice.noMore());
            }
            if (d.dice.chance(0.5)) {
                d.transcript.bot(d.botTemplate(Phrase.BOT_GOODBYE));
            }
        }
        d.maybeClose(0.4);
    }

    private void escalate() {
        if (d.dice.chance(0.65)) {
            d.transcript.customer(d.voice.askHuman());
            d.askedForHuman = true;
            if (d.dice.chance(0.2)) {
                d.transcript.botFallback(d.botTemplate(Phrase.BOT_FALLBACK));
                d.transcript.customer(d.voice.askHuman());
            }
        } else {
            d.transcript.customer(d.voice.notUnderstood());
        }
        if (d.dice.chance(0.85)) {
            d.transcript.bot(d.botTemplate(Phrase.BOT_HANDOFF));
        }
        if (d.dice.chance(0.9)) {
            d.systemEvent("handoff");
            d.handoffEvent = true;
        }
    }

    private void keepFailing() {
        d.transcript.customer(d.dice.chance(0.5) ? d.voice.notUnderstood() : d.voice.rephrase());
        int rounds = d.dice.between(1, 3);
        for (int round = 0; round < rounds; round++) {
            d.transcript.botFallback(d.botTemplate(Phrase.BOT_FALLBACK));
            if (round < rounds - 1) {
                d.transcript.customer(d.voice.rephrase());
            }
        }
        if (d.dice.chance(0.5)) {
            d.transcript.customer(d.voice.askHuman());
            d.askedForHuman = true;
            if (d.dice.chance(0.5)) {
                d.transcript.bot(d.botTemplate(Phrase.BOT_NO_AGENTS));
            } else {
                d.transcript.botFallback(d.botTemplate(Phrase.BOT_FALLBACK));
            }
        }
        switch (outcome.ending()) {
            case FRUSTRATED -> {
                d.transcript.customer(d.voice.frustration());
                d.maybeClose(0.3);
            }
            case QUIET -> {
                d.transcript.customer(d.voice.shortAck());
                d.maybeClose(0.3);
            }
            default -> d.timeOut(0.7);
        }
    }
}
