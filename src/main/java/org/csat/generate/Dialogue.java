package org.csat.generate;

/**
 * The state a conversation's scripts share while writing it: the transcript, the
 * customer's voice, the wording of their language, and what has happened so far
 * (order number given, human asked for, handoff event written).
 */
final class Dialogue {
    final Transcript transcript;
    final CustomerVoice voice;
    final PhraseBook book;
    final Customer customer;
    final Topic topic;
    final Mood mood;
    final boolean repeat;
    final Dice dice;
    boolean openingPending;
    boolean orderGiven;
    boolean askedForHuman;
    boolean handoffEvent;

    Dialogue(
            Transcript transcript,
            CustomerVoice voice,
            Customer customer,
            Topic topic,
            Mood mood,
            boolean repeat,
            Dice dice) {
        this.transcript = transcript;
        this.voice = voice;
        this.book = customer.language().phrases();
        this.customer = customer;
        this.topic = topic;
        this.mood = mood;
        this.repeat = repeat;
        this.dice = dice;
    }

    /** Topics where asking for the order number is natural. */
    boolean needsOrderNumber() {
        return switch (topic) {
            case PASSWORD_RESET, ACCOUNT_LOCKED, COMPLAINT, FRAUD_DISPUTE -> false;
            default -> true;
        };
    }

    String phrase(Phrase phrase) {
        return dice.pick(book.pool(phrase));
    }

    String botTemplate(Phrase phrase) {
        return book.botTemplate(phrase);
    }

    void systemEvent(String event) {
        String text = switch (event) {
            case "handoff" -> "Transferred to an agent";
            case "transfer" -> "Transferred to another agent";
            case "timeout" -> "Conversation closed due to inactivity";
            default -> "Conversation closed";
        };
        transcript.system(event, text);
    }

    /** The customer stays silent; after a while the session times out (most of the time). */
    void timeOut(double probability) {
        if (dice.chance(probability)) {
            transcript.pause(dice.between(300, 900));
            systemEvent("timeout");
        }
    }

    void maybeClose(double probability) {
        if (dice.chance(probability)) {
            systemEvent("closed");
        }
    }
}
