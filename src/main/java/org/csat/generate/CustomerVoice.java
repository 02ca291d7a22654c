package org.csat.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one customer's turns in one conversation. The opening is composed from several
 * pools (greeting, a reference to an earlier contact, the problem, an order number, an
 * annoyed or angry remark, a polite closing), joined as chat users join sentences, and
 * then roughened by {@link TextNoise}. Later turns draw from their own pools; a rephrase
 * is an exact or near copy of the opening. Personal data, when the conversation plants
 * some (about 5%), goes into the opening or the next customer turn.
 */
final class CustomerVoice {
    private static final double[] PII_WEIGHTS = {30, 25, 15, 5, 12, 13};
    private static final String[] PII_KINDS = {"email", "phone", "card_luhn", "card_invalid", "iban", "handle"};

    private final PhraseBook book;
    private final Customer customer;
    private final Mood mood;
    private final Topic topic;
    private final Dice dice;
    private final String orderNumber;
    private final List<String> planted = new ArrayList<>();
    private int piiPending;
    private String problem;
    private String opening;
    private int lastFollowUp;

    CustomerVoice(Customer customer, Mood mood, Topic topic, boolean plantPii, Dice dice) {
        this.book = customer.language().phrases();
        this.customer = customer;
        this.mood = mood;
        this.topic = topic;
        this.dice = dice;
        this.orderNumber = PersonalDataFaker.orderNumber(dice);
        this.piiPending = plantPii ? (dice.chance(0.25) ? 2 : 1) : 0;
    }

    String shortOpener() {
        return pick(Phrase.SHORT_OPENER);
    }

    /** The first statement of the problem; {@code repeat} for a customer coming back about it. */
    String opening(boolean repeat) {
        problem = dice.pick(book.problems(topic));
        List<String> parts = new ArrayList<>();
        if (dice.chance(0.4)) {
            parts.add(pick(Phrase.GREETING));
        }
        if (repeat && dice.chance(0.7)) {
            parts.add(pick(Phrase.REPEAT_OPENER));
        }
        parts.add(problem);
        if (dice.chance(0.2)) {
            parts.add(orderDetailWords());
        }
        if (mood == Mood.ANNOYED && dice.chance(0.5)) {
            parts.add(pick(Phrase.ANNOYED_ADDON));
        }
        if (mood == Mood.ANGRY && dice.chance(0.75)) {
            parts.add(pick(Phrase.ANGRY_ADDON));
            if (dice.chance(0.3)) {
                parts.add(pick(Phrase.ANGRY_ADDON));
            }
        }
        if (mood != Mood.ANGRY && dice.chance(0.25)) {
            parts.add(pick(Phrase.POLITE_CLOSING));
        }
        opening = finish(join(parts), mood, dice.chance(0.5));
        return opening;
    }

    /** The customer saying the same thing again: the opening verbatim, or re-worded. */
    String rephrase() {
        if (opening != null && dice.chance(0.3)) {
            return opening;
        }
        String prefix = pick(Phrase.REPHRASE_PREFIX);
        String text = prefix.isEmpty() ? problem : prefix + " " + problem;
        if (mood == Mood.ANGRY && dice.chance(0.4)) {
            text = text + "!!";
        } else if (dice.chance(0.2)) {
            text = text + " ???";
        }
        return finish(text, mood, true);
    }

    String orderDetail() {
        return finish(orderDetailWords(), calmer(), true);
    }

    String confirm(boolean answeringQuestion) {
        String text = pick(Phrase.CONFIRM);
        if (answeringQuestion && dice.chance(0.4)) {
            text = book.pool(Phrase.STILL_HERE).get(0) + ", " + text;
        }
        return finish(text, Mood.CALM, true);
    }

    String frustration() {
        String text = pick(Phrase.FRUSTRATION);
        if (mood == Mood.ANGRY && dice.chance(0.5)) {
            text = text + (dice.chance(0.3) ? "\n" : ". ") + pick(Phrase.ANGRY_ADDON);
        }
        return finish(text, upset(), true);
    }

    String shortAck() {
        return finish(pick(Phrase.SHORT_ACK), calmer(), true);
    }

    String noMore() {
        return finish(pick(Phrase.NO_MORE), calmer(), true);
    }

    String askHuman() {
        return finish(pick(Phrase.ASK_HUMAN), upset(), true);
    }

    String notUnderstood() {
        return finish(pick(Phrase.NOT_UNDERSTOOD), upset(), true);
    }

    String waiting() {
        return pick(Phrase.WAITING);
    }

    /** A question after the agent's answer; {@link #lastFollowUp()} says which, to pair the reply. */
    String followUp() {
        lastFollowUp = dice.between(0, book.pool(Phrase.FOLLOWUP_QUESTION).size() - 1);
        return finish(book.pool(Phrase.FOLLOWUP_QUESTION).get(lastFollowUp), mood, true);
    }

    int lastFollowUp() {
        return lastFollowUp;
    }

    String stillHere() {
        return finish(pick(Phrase.STILL_HERE), calmer(), true);
    }

    /** The kinds of personal data planted so far. */
    List<String> plantedPii() {
        return List.copyOf(planted);
    }

    private String orderDetailWords() {
        return pick(Phrase.ORDER_DETAIL).replace("{order}", orderNumber);
    }

    /** The customer's mood, but never calm: for complaints and demands. */
    private Mood upset() {
        return mood == Mood.CALM ? Mood.ANNOYED : mood;
    }

    /** The customer's mood, but never shouting: for neutral turns. */
    private Mood calmer() {
        return mood == Mood.ANGRY ? Mood.ANNOYED : mood;
    }

    private String finish(String text, Mood tone, boolean mayCarryPii) {
        String noisy = TextNoise.apply(text, customer.style(), tone, dice);
        while (piiPending > 0 && mayCarryPii) {
            noisy = noisy + (dice.chance(0.2) ? "\n" : dice.chance(0.5) ? ". " : " - ") + personalData();
            piiPending--;
        }
        return noisy;
    }

    private String personalData() {
        int kind = dice.weighted(PII_WEIGHTS);
        planted.add(PII_KINDS[kind]);
        return switch (kind) {
            case 0 -> pick(Phrase.PII_EMAIL).replace("{email}", PersonalDataFaker.email(dice));
            case 1 -> pick(Phrase.PII_PHONE).replace("{phone}", PersonalDataFaker.phone(customer.market(), dice));
            case 2 -> pick(Phrase.PII_CARD).replace("{card}", PersonalDataFaker.cardNumber(true, dice));
            case 3 -> pick(Phrase.PII_CARD).replace("{card}", PersonalDataFaker.cardNumber(false, dice));
            case 4 -> pick(Phrase.PII_IBAN).replace("{iban}", PersonalDataFaker.iban(dice));
            default -> pick(Phrase.PII_HANDLE).replace("{handle}", PersonalDataFaker.handle(dice));
        };
    }

    /** Joins parts the way people type: a full stop, a bare space (run-on) or a line break. */
    private String join(List<String> parts) {
        StringBuilder out = new StringBuilder(parts.get(0));
        boolean multiline = parts.size() >= 3 && dice.chance(0.15);
        for (int i = 1; i < parts.size(); i++) {
            char last = out.charAt(out.length() - 1);
            if (multiline && i == parts.size() - 1) {
                out.append('\n');
            } else if (".!?,:".indexOf(last) < 0 && dice.chance(0.6)) {
                out.append(". ");
            } else {
                out.append(' ');
            }
            String part = parts.get(i);
            if (last == ',' && dice.chance(0.7)) {
                part = Character.toLowerCase(part.charAt(0)) + part.substring(1);
            }
            out.append(part);
        }
        return out.toString();
    }

    private String pick(Phrase phrase) {
        return dice.pick(book.pool(phrase));
    }
}
