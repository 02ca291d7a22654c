package org.csat.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Generates synthetic support-chat transcripts in the input contract's format, one
 * directory per day, for sample data, tests and benchmarks. The days span a bot
 * rollout: before {@link #rolloutDay(int)} every chat goes to a human; from it the bot
 * takes the first turn of a share of chats per complexity band ({@link #botShare(double)})
 * and resolves less often than humans by a planted penalty per band
 * ({@link #botPenalty(double, double, double)}), so a statistical test can check that
 * the pipeline recovers a known effect. The same settings and seed always give the same
 * bytes.
 *
 * <pre>
 * GenerateResult result = new GenerateTranscripts()
 *     .outputDir(dir).conversations(2000).days(90).seed(42)
 *     .botPenalty(0, 0, 0.20)
 *     .execute();
 * </pre>
 */
public final class GenerateTranscripts {
    private Path outputDir;
    private int conversations = 2000;
    private int days = 90;
    private long seed = 42;
    private LocalDate startDate = LocalDate.of(2024, 1, 1);
    private Integer rolloutDay;
    private boolean rollout = true;
    private double botShare = 0.67;
    private Map<Complexity, Double> botSharesByBand;
    private final Map<Complexity, Double> botPenalty = bands(0.02, 0.10, 0.25);
    private double surveyRate = 0.10;
    private OutputFormat format = OutputFormat.JSONL;
    private int filesPerDay = 1;
    private Path truthFile;
    private boolean overwrite;

    /** The complexity band of a topic label the generator writes, e.g. {@code high} for {@code fraud_dispute}. */
    public static Complexity complexityOf(String topic) {
        return Topic.complexityOf(topic);
    }

    /** The directory that receives one {@code YYYY-MM-DD} directory per day. Required. */
    public GenerateTranscripts outputDir(Path dir) {
        this.outputDir = require(dir, "output directory");
        return this;
    }

    /** How many conversations in total (repeat contacts included). Default 2000. */
    public GenerateTranscripts conversations(int count) {
        check(count >= 1, "conversations must be at least 1, got " + count);
        this.conversations = count;
        return this;
    }

    /** How many days the conversations are spread over. Default 90. */
    public GenerateTranscripts days(int count) {
        check(count >= 1 && count <= 3660, "days must be between 1 and 3660, got " + count);
        this.days = count;
        return this;
    }

    public GenerateTranscripts seed(long value) {
        this.seed = value;
        return this;
    }

    /** The first day. Default 2024-01-01. */
    public GenerateTranscripts startDate(LocalDate date) {
        this.startDate = require(date, "start date");
        return this;
    }

    /** The first day as {@code YYYY-MM-DD}. */
    public GenerateTranscripts startDate(String date) {
        try {
            return startDate(LocalDate.parse(require(date, "start date")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start date must be YYYY-MM-DD, got '" + date + "'", e);
        }
    }

    /** The 0-based index of the day the bot goes live. Default: a third of the days in. */
    public GenerateTranscripts rolloutDay(int day) {
        check(day >= 0, "rollout day must be 0 or more, got " + day);
        this.rolloutDay = day;
        this.rollout = true;
        return this;
    }

    /** No bot at all: every conversation goes to a human agent. */
    public GenerateTranscripts noRollout() {
        this.rollout = false;
        return this;
    }

    /**
     * The bot's overall share of first turns after rollout; each band's share is the
     * default profile (0.85 / 0.60 / 0.35) scaled to meet it. Default 0.67. Replaces
     * shares set with {@link #botShareByComplexity}.
     */
    public GenerateTranscripts botShare(double share) {
        checkProbability(share, "bot share");
        this.botShare = share;
        this.botSharesByBand = null;
        return this;
    }

    /** The bot's share of first turns after rollout in each band, used as given. */
    public GenerateTranscripts botShareByComplexity(double low, double medium, double high) {
        checkProbability(low, "bot share for low complexity");
        checkProbability(medium, "bot share for medium complexity");
        checkProbability(high, "bot share for high complexity");
        this.botSharesByBand = bands(low, medium, high);
        return this;
    }

    /** The bot's drop in probability of resolving, per band. Default 0.02 / 0.10 / 0.25. */
    public GenerateTranscripts botPenalty(double low, double medium, double high) {
        botPenalty(Complexity.LOW, low);
        botPenalty(Complexity.MEDIUM, medium);
        return botPenalty(Complexity.HIGH, high);
    }

    /** The bot's drop in probability of resolving for one band. */
    public GenerateTranscripts botPenalty(Complexity band, double penalty) {
        checkProbability(
                penalty, "bot penalty for " + require(band, "complexity band").label() + " complexity");
        this.botPenalty.put(band, penalty);
        return this;
    }

    /** Share of conversations carrying a CSAT survey score. Default 0.10. */
    public GenerateTranscripts surveyRate(double rate) {
        checkProbability(rate, "survey rate");
        this.surveyRate = rate;
        return this;
    }

    public GenerateTranscripts format(OutputFormat value) {
        this.format = require(value, "format");
        return this;
    }

    /** How many files each day is split into. Default 1. */
    public GenerateTranscripts filesPerDay(int count) {
        check(count >= 1 && count <= 10_000, "files per day must be between 1 and 10000, got " + count);
        this.filesPerDay = count;
        return this;
    }

    /** Also write each conversation's ground truth (JSON Lines) to this file. Off by default. */
    public GenerateTranscripts truthFile(Path file) {
        this.truthFile = require(file, "truth file");
        return this;
    }

    /** Replace generated files already in the output directory instead of refusing. */
    public GenerateTranscripts overwrite(boolean value) {
        this.overwrite = value;
        return this;
    }

    /** The day the bot goes live with the current settings, or -1 when it never does. */
    public int effectiveRolloutDay() {
        if (!rollout) {
            return -1;
        }
        return rolloutDay != null ? rolloutDay : days / 3;
    }

    /** The bot's share of first turns per band after rollout with the current settings. */
    public Map<Complexity, Double> effectiveBotShares() {
        return Collections.unmodifiableMap(
                botSharesByBand != null
                        ? new EnumMap<>(botSharesByBand)
                        : BotRouting.scaledTo(botShare, resolutionModel()));
    }

    /** The resolution probabilities, planted penalty included, with the current settings. */
    public ResolutionModel resolutionModel() {
        return new ResolutionModel(botPenalty);
    }

    /**
     * Writes the transcripts.
     *
     * @throws IllegalArgumentException when the settings do not fit together or the output
     *     directory already holds generated files and overwrite is off
     * @throws UncheckedIOException when writing fails
     */
    public GenerateResult execute() {
        check(outputDir != null, "output directory is required");
        int rolloutAt = effectiveRolloutDay();
        check(
                rolloutAt < days,
                "rollout day " + rolloutAt + " is outside the " + days + " generated days (0-" + (days - 1) + ")");
        GeneratorSettings settings = new GeneratorSettings(
                outputDir,
                conversations,
                days,
                seed,
                startDate,
                rolloutAt,
                effectiveBotShares(),
                resolutionModel(),
                surveyRate,
                format,
                filesPerDay,
                truthFile);
        try {
            OutputDirectory.prepare(outputDir, overwrite);
            return write(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write transcripts under " + outputDir, e);
        }
    }

    private static GenerateResult write(GeneratorSettings settings) throws IOException {
        ContactScheduler scheduler = new ContactScheduler(settings);
        ConversationGenerator generator = new ConversationGenerator(settings, scheduler);
        int files = 0;
        long conversations = 0;
        long messages = 0;
        try (TruthSink truth = settings.truthFile() == null ? null : new TruthSink(settings.truthFile())) {
            for (int day = 0; day < settings.days(); day++) {
                List<ContactPlan> plans = scheduler.planDay(day);
                if (plans.isEmpty()) {
                    continue;
                }
                String date = scheduler.date(day).toString();
                try (DayFiles out = new DayFiles(
                        settings.outputDir().resolve(date), settings.format(), plans.size(), settings.filesPerDay())) {
                    for (int i = 0; i < plans.size(); i++) {
                        String id = "c-" + date + "-" + String.format("%05d", i + 1);
                        Dice dice = new Dice(Dice.derive(settings.seed(), 2L * day + 1, i));
                        ConversationGenerator.Generated generated = generator.generate(day, plans.get(i), id, dice);
                        out.write(generated.conversation());
                        if (truth != null) {
                            truth.write(generated.truth());
                        }
                        conversations++;
                        messages += generated.conversation().messages().size();
                    }
                    files += out.filesWritten();
                }
            }
        }
        return new GenerateResult(files, conversations, messages);
    }

    private static Map<Complexity, Double> bands(double low, double medium, double high) {
        Map<Complexity, Double> byBand = new EnumMap<>(Complexity.class);
        byBand.put(Complexity.LOW, low);
        byBand.put(Complexity.MEDIUM, medium);
        byBand.put(Complexity.HIGH, high);
        return byBand;
    }

    private static void checkProbability(double value, String what) {
        check(value >= 0.0 && value <= 1.0, what + " must be between 0 and 1, got " + value);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}
