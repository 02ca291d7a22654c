package org.csat.cli;

import java.nio.file.Path;
import java.util.Set;
import org.csat.generate.GenerateResult;
import org.csat.generate.GenerateTranscripts;
import org.csat.generate.OutputFormat;

/**
 * {@code csat generate}: writes synthetic chat transcripts in the input contract's format
 * with {@link GenerateTranscripts}, for sample data, tests and benchmarks. Needs no Spark.
 */
public final class GenerateCommand implements Command {
    private static final Set<String> VALUED = Set.of(
            "out",
            "conversations",
            "days",
            "seed",
            "start-date",
            "rollout-day",
            "bot-share",
            "bot-share-by-complexity",
            "bot-penalty",
            "survey-rate",
            "format",
            "files-per-day",
            "truth");
    private static final Set<String> FLAGS = Set.of("no-rollout", "overwrite");

    public GenerateCommand() {}

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write synthetic support-chat transcripts (sample data, tests, benchmarks)";
    }

    @Override
    public String usage() {
        return String.join(
                "\n",
                "usage: csat generate --out DIR [options]",
                "",
                "Writes DIR/YYYY-MM-DD/conversations-000.jsonl (or .jsonl.gz, or messages-000.csv), one",
                "directory per day, spanning a bot rollout. Same seed, same bytes.",
                "",
                "  --out DIR                      output directory (required)",
                "  --conversations N              total conversations (default 2000)",
                "  --days D                       number of days (default 90)",
                "  --seed S                       random seed (default 42)",
                "  --start-date YYYY-MM-DD        first day (default 2024-01-01)",
                "  --rollout-day K                0-based day the bot goes live (default days/3)",
                "  --no-rollout                   no bot: every chat goes to a human agent",
                "  --bot-share F                  bot-first share after rollout (default 0.67)",
                "  --bot-share-by-complexity L,M,H  bot-first share per complexity band, instead of --bot-share",
                "  --bot-penalty L,M,H            bot's drop in resolution probability per band",
                "                                 (default 0.02,0.10,0.25)",
                "  --survey-rate F                share of chats with a CSAT score (default 0.10)",
                "  --format jsonl|jsonl.gz|csv    output format (default jsonl)",
                "  --files-per-day N              files per day (default 1)",
                "  --truth FILE                   also write per-conversation ground truth (JSON Lines)",
                "  --overwrite                    replace generated files already in DIR");
    }

    /** Option names that take a value. */
    public Set<String> valuedOptions() {
        return VALUED;
    }

    /** Option names that take none. */
    public Set<String> flags() {
        return FLAGS;
    }

    @Override
    public int run(Args args) {
        args.requireNoPositional();
        String out = args.get("out");
        if (out == null) {
            throw new UsageException("--out is required");
        }
        GenerateResult result;
        try {
            result = configure(args, Path.of(out)).execute();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        System.out.println("generated " + result.conversations() + " conversations, " + result.messages()
                + " messages in " + result.files() + " files under " + out);
        return 0;
    }

    private static GenerateTranscripts configure(Args args, Path out) {
        GenerateTranscripts generate = new GenerateTranscripts()
                .outputDir(out)
                .conversations(args.getInt("conversations", 2000))
                .days(args.getInt("days", 90))
                .seed(args.getLong("seed", 42))
                .startDate(args.get("start-date", "2024-01-01"))
                .surveyRate(args.getDouble("survey-rate", 0.10))
                .format(OutputFormat.fromLabel(args.get("format", "jsonl")))
                .filesPerDay(args.getInt("files-per-day", 1))
                .overwrite(args.has("overwrite"));
        if (args.has("rollout-day")) {
            generate.rolloutDay(args.getInt("rollout-day", 0));
        }
        if (args.has("no-rollout")) {
            generate.noRollout();
        }
        if (args.has("bot-share") && args.has("bot-share-by-complexity")) {
            throw new UsageException("give either --bot-share or --bot-share-by-complexity, not both");
        }
        if (args.has("bot-share")) {
            generate.botShare(args.getDouble("bot-share", 0.67));
        }
        if (args.has("bot-share-by-complexity")) {
            double[] shares = threeNumbers(args, "bot-share-by-complexity");
            generate.botShareByComplexity(shares[0], shares[1], shares[2]);
        }
        if (args.has("bot-penalty")) {
            double[] penalty = threeNumbers(args, "bot-penalty");
            generate.botPenalty(penalty[0], penalty[1], penalty[2]);
        }
        if (args.has("truth")) {
            generate.truthFile(Path.of(args.get("truth")));
        }
        return generate;
    }

    /** Reads {@code LOW,MEDIUM,HIGH}. */
    private static double[] threeNumbers(Args args, String option) {
        String value = args.get(option);
        String[] parts = value.split(",", -1);
        if (parts.length != 3) {
            throw new UsageException("--" + option + " needs three numbers LOW,MEDIUM,HIGH, got '" + value + "'");
        }
        double[] numbers = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--" + option + " needs three numbers LOW,MEDIUM,HIGH, got '" + value + "'");
            }
        }
        return numbers;
    }
}
