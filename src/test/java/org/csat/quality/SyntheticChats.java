package org.csat.quality;

import static org.csat.quality.Chat.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic conversations with a planted truth, for the model and topic tests: each
 * has a topic (three with distinct vocabularies), an outcome that drives its transcript, (for
 * about 60%) a survey score drawn around that outcome's satisfaction, and (for about 70%) a
 * person's resolution label under {@link #LABEL_KEY}. The labels differ from the rules where
 * people would: a handoff that ends with "I have opened a case" is not resolved to them (the
 * rules count every handoff as resolved), so a model can learn to agree with them better.
 * Every fifth customer comes back two days later, which makes the earlier contact a repeat
 * contact.
 */
final class SyntheticChats {
    static final List<String> TOPICS = List.of("refund", "login", "delivery");
    static final String LABEL_KEY = "resolved";
    private static final String[][] OPENINGS = {
        {
            "I returned the jacket but my refund money has not arrived",
            "Where is the refund for my returned order, money still missing",
            "The refund for my return is missing, I want my money back"
        },
        {
            "I cannot log in to my account, the password reset link fails",
            "My account login is locked after the password change",
            "Password reset does not let me log in to the account"
        },
        {
            "My parcel delivery is late and the tracking number shows nothing",
            "The courier lost my parcel, tracking says delivered",
            "Delivery of my parcel is delayed, the tracking page is empty"
        }
    };

    private SyntheticChats() {}

    /** Conversations {@code first} .. {@code first + count - 1}, spread over days from {@code fromDay}. */
    static List<Chat> generate(int first, int count, double fromDay, double days, long seed) {
        Random random = new Random(seed);
        List<Chat> chats = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            int topic = random.nextInt(TOPICS.size());
            double day = fromDay + days * (i - first) / count;
            String outcome =
                    List.of("confirmed", "assumed", "abandoned", "escalated").get(random.nextInt(4));
            double satisfaction = switch (outcome) {
                case "confirmed" -> 4.6;
                case "assumed" -> 3.8;
                case "escalated" -> 3.0;
                default -> 1.7;
            };
            Integer csat = random.nextDouble() < 0.6
                    ? (int) Math.max(1, Math.min(5, Math.round(satisfaction + 0.6 * random.nextGaussian())))
                    : null;
            Chat chat = chat(String.format("s%03d", i))
                    .customer("cust-" + i)
                    .daysLater(day)
                    .topic(TOPICS.get(topic))
                    .csat(csat)
                    .say(0, "customer", OPENINGS[topic][random.nextInt(3)], -0.3 + 0.2 * random.nextGaussian());
            if (random.nextDouble() < 0.7) {
                chat.label(LABEL_KEY, outcome.equals("confirmed") || outcome.equals("assumed"));
            }
            script(chat, outcome, random);
            chats.add(chat);
            if (i % 5 == 0) {
                chats.add(chat(String.format("s%03d-again", i))
                        .customer("cust-" + i)
                        .daysLater(day + 2)
                        .topic(TOPICS.get(topic))
                        .say(0, "customer", OPENINGS[topic][random.nextInt(3)], -0.4)
                        .say(40, "agent", "I have fixed that now.")
                        .say(80, "customer", "Thanks, that worked.", 0.3));
            }
        }
        return chats;
    }

    private static void script(Chat chat, String outcome, Random random) {
        double noise = 0.15 * random.nextGaussian();
        switch (outcome) {
            case "confirmed" ->
                chat.say(30, "agent", "I have sorted that out for you.")
                        .say(90, "customer", "Perfect, thank you so much!", 0.5 + noise);
            case "assumed" -> chat.say(30, "agent", "That is done now, you will get an email confirmation.");
            case "escalated" ->
                chat.say(5, "bot", "Let me connect you with a colleague.")
                        .event(6, "handoff")
                        .say(200, "agent", "I have looked into it and opened a case.");
            default ->
                chat.say(10, "bot", "Sorry, I didn't understand. Could you rephrase?")
                        .say(60, "customer", "This is useless, it still does not work.", -0.6 + noise)
                        .say(62, "bot", "Sorry, I didn't understand. Could you rephrase?");
        }
    }
}
