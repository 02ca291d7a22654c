package org.csat.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides how many conversations each day gets and when they start. The total
 * ({@code --conversations}) is split over the days ({@code --days}) by weekday weight
 * with largest remainders, so it is met exactly; repeat contacts booked by earlier days
 * take their day's slots first and new contacts fill the rest. Start times follow an
 * hour-of-day curve that is busy in the daytime (UTC) and quiet at night.
 */
final class ContactScheduler {
    /** Monday first: support is busiest after the weekend. */
    private static final double[] WEEKDAY_WEIGHTS = {1.15, 1.10, 1.05, 1.00, 0.95, 0.85, 0.80};

    private static final double[] HOUR_WEIGHTS = {
        0.20, 0.15, 0.10, 0.10, 0.10, 0.20, 0.40, 0.80, 1.30, 1.60, 1.70, 1.70,
        1.60, 1.60, 1.60, 1.50, 1.40, 1.30, 1.30, 1.30, 1.20, 1.00, 0.70, 0.40
    };
    private static final double[] TOPIC_WEIGHTS = topicWeights();

    private final GeneratorSettings settings;
    private final int[] volumes;
    private final List<List<ContactPlan>> bookedRepeats = new ArrayList<>();
    private final CustomerPool customers = new CustomerPool();

    ContactScheduler(GeneratorSettings settings) {
        this.settings = settings;
        this.volumes = dailyVolumes(settings.conversations(), settings.startDate(), settings.days());
        for (int day = 0; day < settings.days(); day++) {
            bookedRepeats.add(new ArrayList<>());
        }
    }

    /** The day's contacts, sorted by start time (ties keep booking order). */
    List<ContactPlan> planDay(int day) {
        Dice dice = new Dice(Dice.derive(settings.seed(), 2L * day, -1));
        List<ContactPlan> repeats = bookedRepeats.get(day);
        List<ContactPlan> plans = new ArrayList<>(repeats.subList(0, Math.min(repeats.size(), volumes[day])));
        bookedRepeats.set(day, List.of());
        long dayStart = dayStart(day);
        while (plans.size() < volumes[day]) {
            Customer customer = customers.nextContact(dice);
            Topic topic = Topic.values()[dice.weighted(TOPIC_WEIGHTS)];
            plans.add(new ContactPlan(dayStart + secondOfDay(dice), customer, topic, null, null));
        }
        plans.sort(Comparator.comparingLong(ContactPlan::startedAt));
        return plans;
    }

    /**
     * Books the customer's next contact about the same topic 1-6 days after {@code day};
     * dropped when that falls after the last generated day.
     */
    void bookRepeat(int day, ContactPlan earlier, String earlierId, Mood mood, Dice dice) {
        int repeatDay = day + dice.between(1, 6);
        if (repeatDay >= settings.days()) {
            return;
        }
        long startedAt = dayStart(repeatDay) + secondOfDay(dice);
        bookedRepeats
                .get(repeatDay)
                .add(new ContactPlan(startedAt, earlier.customer(), earlier.topic(), mood, earlierId));
    }

    LocalDate date(int day) {
        return settings.startDate().plusDays(day);
    }

    private long dayStart(int day) {
        return date(day).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static int secondOfDay(Dice dice) {
        return dice.weighted(HOUR_WEIGHTS) * 3600 + dice.between(0, 3599);
    }

    static int[] dailyVolumes(int total, LocalDate start, int days) {
        double[] weights = new double[days];
        double sum = 0;
        for (int day = 0; day < days; day++) {
            DayOfWeek weekday = start.plusDays(day).getDayOfWeek();
            weights[day] = WEEKDAY_WEIGHTS[weekday.getValue() - 1];
            sum += weights[day];
        }
        int[] volumes = new int[days];
        double[] remainders = new double[days];
        int assigned = 0;
        for (int day = 0; day < days; day++) {
            double exact = total * weights[day] / sum;
            volumes[day] = (int) Math.floor(exact);
            remainders[day] = exact - volumes[day];
            assigned += volumes[day];
        }
        for (int left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int day = 1; day < days; day++) {
                if (remainders[day] > remainders[best]) {
                    best = day;
                }
            }
            volumes[best]++;
            remainders[best] = -1;
        }
        return volumes;
    }

    private static double[] topicWeights() {
        Topic[] topics = Topic.values();
        double[] weights = new double[topics.length];
        for (int i = 0; i < topics.length; i++) {
            weights[i] = topics[i].weight();
        }
        return weights;
    }
}
