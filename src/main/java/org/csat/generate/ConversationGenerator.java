package org.csat.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ContactPlan} into a conversation and its ground truth. It draws the
 * customer's mood (angrier on hard topics and on repeat contacts), routes to the bot
 * with the band's share once the bot is live, decides resolution with the
 * {@link ResolutionModel}, plans who handles it and how the customer leaves, lets
 * {@link BotScript} or {@link AgentScript} write the transcript, draws the survey and,
 * for most unresolved and a few resolved conversations, books the customer's repeat
 * contact. Optional fields are left out at the rates real exports show.
 */
final class ConversationGenerator {
    private static final double PII_RATE = 0.05;
    private static final double OPEN_WITH_HI_RATE = 0.12;
    static final double REPEAT_IF_UNRESOLVED = 0.45;
    static final double REPEAT_IF_RESOLVED = 0.03;

    private final GeneratorSettings settings;
    private final ContactScheduler scheduler;
    private final CsatModel csat;

    /** A conversation and what really happened in it. */
    record Generated(Conversation conversation, GroundTruth truth) {}

    ConversationGenerator(GeneratorSettings settings, ContactScheduler scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.csat = new CsatModel(settings.surveyRate());
    }

    Generated generate(int day, ContactPlan plan, String id, Dice dice) {
        Topic topic = plan.topic();
        Complexity band = topic.complexity();
        Mood mood = plan.isRepeat()
                ? (dice.chance(0.6) ? plan.previousMood().worse() : plan.previousMood())
                : drawMood(band, dice);
        boolean botFirst = settings.botLive(day) && dice.chance(settings.botShare(band));
        boolean resolved = dice.chance(settings.resolution().resolveProbability(botFirst, band, mood));
        Outcome outcome =
                new Outcome(botFirst, handling(botFirst, resolved, band, dice), resolved, ending(resolved, mood, dice));

        Customer customer = plan.customer();
        Transcript transcript = new Transcript(plan.startedAt(), dice);
        CustomerVoice voice = new CustomerVoice(customer, mood, topic, dice.chance(PII_RATE), dice);
        Dialogue dialogue = new Dialogue(transcript, voice, customer, topic, mood, plan.isRepeat(), dice);
        if (botFirst) {
            new BotScript(dialogue, outcome).run();
        } else {
            if (dice.chance(OPEN_WITH_HI_RATE)) {
                transcript.customer(voice.shortOpener());
                dialogue.openingPending = true;
            } else {
                transcript.customer(voice.opening(plan.isRepeat()));
            }
            new AgentScript(dialogue, outcome, false).run();
        }

        boolean surveyed = csat.surveyed(dice);
        Integer score = surveyed ? csat.score(outcome, mood, transcript.customerTurns(), plan.isRepeat(), dice) : null;
        if (dice.chance(resolved ? REPEAT_IF_RESOLVED : REPEAT_IF_UNRESOLVED)) {
            scheduler.bookRepeat(day, plan, id, mood, dice);
        }

        List<Message> messages = transcript.messages();
        Long endedAt = dice.chance(0.92) ? messages.get(messages.size() - 1).at() + dice.between(0, 3) : null;
        Conversation conversation = new Conversation(
                id,
                customer.id(),
                channel(dice),
                dice.chance(0.9) ? customer.language().code() : null,
                plan.startedAt(),
                endedAt,
                dice.chance(0.95) ? topic.label() : null,
                score,
                messages,
                metadata(customer, dice));
        GroundTruth truth = new GroundTruth(
                id,
                customer.id(),
                topic,
                mood,
                botFirst,
                outcome.handling(),
                resolved,
                outcome.ending(),
                dialogue.handoffEvent,
                transcript.botFallbacks(),
                dialogue.askedForHuman,
                plan.repeatOf(),
                voice.plantedPii(),
                surveyed);
        return new Generated(conversation, truth);
    }

    private static Mood drawMood(Complexity band, Dice dice) {
        return Mood.values()[dice.weighted(Mood.weightsFor(band))];
    }

    /** Bot-first chats the bot resolves alone more often on simple topics; failures split between escalated and not. */
    private static Handling handling(boolean botFirst, boolean resolved, Complexity band, Dice dice) {
        if (!botFirst) {
            return Handling.HUMAN;
        }
        if (resolved) {
            double containment = switch (band) {
                case LOW -> 0.85;
                case MEDIUM -> 0.60;
                case HIGH -> 0.35;
            };
            return dice.chance(containment) ? Handling.BOT_ONLY : Handling.ESCALATED;
        }
        return dice.chance(0.5) ? Handling.ESCALATED : Handling.BOT_ONLY;
    }

    private static Ending ending(boolean resolved, Mood mood, Dice dice) {
        if (resolved) {
            double confirms = switch (mood) {
                case CALM -> 0.75;
                case ANNOYED -> 0.70;
                case ANGRY -> 0.55;
            };
            return dice.chance(confirms) ? Ending.CONFIRMED : Ending.QUIET;
        }
        double[] weights = switch (mood) {
            case CALM -> new double[] {35, 40, 25};
            case ANNOYED -> new double[] {45, 35, 20};
            case ANGRY -> new double[] {60, 30, 10};
        };
        return new Ending[] {Ending.FRUSTRATED, Ending.ABANDONED, Ending.QUIET}[dice.weighted(weights)];
    }

    private static String channel(Dice dice) {
        return new String[] {"chat", "messaging", "social"}[dice.weighted(new double[] {90, 7, 3})];
    }

    private static Map<String, String> metadata(Customer customer, Dice dice) {
        if (dice.chance(0.03)) {
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("market", customer.market());
        metadata.put("product", customer.product());
        metadata.put("entry_point", dice.chance(0.7) ? "app" : "web");
        return metadata;
    }
}
