package org.csat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.csat.config.PipelineConfig;
import org.csat.evaluate.EvaluateUssAgreement;
import org.csat.stage.SparkSessions;

/** {@code csat evaluate}: agreement of predicted CSAT, the rules and CoreNLP with USS annotators. */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "Spearman of predicted CSAT, rules and CoreNLP against USS human ratings";
    }

    @Override
    public String usage() {
        return """
                usage: csat evaluate --uss DIR [--limit N] [--seed S] [--work DIR] [--report FILE]
                                     [--conf FILE] [--set key=value[;key=value...]]

                  --uss DIR      the User Satisfaction Simulation files (MWOZ.txt, SGD.txt, ReDial.txt, CCPE.txt)
                  --limit N      a seeded random sample of N dialogues (default 800; 0 = all 3,500, about
                                 an hour of CoreNLP on two cores)
                  --seed S       the sample and its order (default 42)
                  --work DIR     where the converted input and the evaluation warehouse go, both replaced
                                 (default bench/out/uss)
                  --report FILE  also write the table there (Markdown)
                  --conf, --set  settings, as for nightly

                Runs the nightly job on the converted dialogues: the CSAT model trains on the first 80%
                (by the shuffled order) and is scored on the held-out 20% against the annotators' mean
                overall rating. Exit code 0 on success, 1 on failure.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("uss", "limit", "seed", "work", "report", "conf", "set");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        args.requireNoPositional();
        if (!args.has("uss")) {
            throw new UsageException("--uss DIR is required");
        }
        Path uss = Path.of(args.get("uss"));
        if (!Files.isDirectory(uss)) {
            throw new UsageException("--uss " + uss + " is not a directory");
        }
        int limit = args.getInt("limit", 800);
        long seed = args.getLong("seed", 42);
        PipelineConfig config = NightlyCommand.loadConfig(args);
        Instant started = Instant.now();
        SparkSessions.Handle session = SparkSessions.open("csat evaluate", config);
        try {
            EvaluateUssAgreement.Result result = new EvaluateUssAgreement(session.spark(), config)
                    .ussDirectory(uss)
                    .workDirectory(Path.of(args.get("work", "bench/out/uss")))
                    .limit(limit)
                    .seed(seed)
                    .execute();
            String report = report(result, limit, seed, Duration.between(started, Instant.now()));
            System.out.println(report);
            if (args.has("report")) {
                Path file = Path.of(args.get("report"));
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.writeString(file, report + "\n");
            }
            return 0;
        } finally {
            session.close();
        }
    }

    static String report(EvaluateUssAgreement.Result result, int limit, long seed, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "USS agreement: %d dialogues (--limit %d --seed %d), model trained on %d, "
                        + "evaluated on %d held out; predicted_csat source %s; %d s%n%n",
                result.converted(),
                limit,
                seed,
                result.trainDialogues(),
                result.testDialogues(),
                result.csatSource(),
                took.toSeconds()));
        out.append("| scorer | dialogues | cohort | Spearman vs annotators | MAE (1-5) |\n|---|---|---|---|---|\n");
        for (EvaluateUssAgreement.Figure f : result.figures()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s |%n",
                    f.scorer(),
                    f.dialogues(),
                    f.cohort(),
                    f.spearman() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", f.spearman()),
                    f.mae() == null ? "" : String.format(Locale.ROOT, "%.3f", f.mae())));
        }
        return out.toString().stripTrailing();
    }
}
