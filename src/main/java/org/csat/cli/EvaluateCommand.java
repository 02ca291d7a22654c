package org.csat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.csat.config.PipelineConfig;
import org.csat.evaluate.EvaluateMessageSentiment;
import org.csat.evaluate.EvaluateStc3Agreement;
import org.csat.evaluate.EvaluateUssAgreement;
import org.csat.stage.SparkSessions;

/**
 * {@code csat evaluate}: agreement with people. {@code --uss}: predicted CSAT, the rules and
 * CoreNLP against USS dialogue ratings; {@code --stc3}: resolution and satisfaction against the
 * STC-3 annotators, cross-validated; {@code --sentiment}: message sentiment labels against SST-2
 * and USS turn ratings.
 */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "agreement with people: predicted CSAT on USS, resolution and CSAT on STC-3, message sentiment";
    }

    @Override
    public String usage() {
        return """
                usage: csat evaluate --uss DIR [--limit N] [--seed S] [--work DIR] [--report FILE]
                                     [--conf FILE] [--set key=value[;key=value...]]
                       csat evaluate --stc3 FILE [--folds K] [--survey-share F] [--seed S] [--work DIR] [--report FILE]
                                     [--conf FILE] [--set ...]
                       csat evaluate --sentiment DIR [--limit N] [--seed S] [--work DIR | --scores FILE] [--report FILE]
                                     [--conf FILE] [--set ...]

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
                overall rating.

                  --stc3 FILE    STC-3 dialogues (a JSON array with 19 annotators' A, S, E each): per fold of a
                                 seeded --folds K split (default 5), the whole nightly job runs on every
                                 dialogue with people's resolution labels (A > 0) on the other folds and a
                                 share --survey-share F (default 0.5; 0 = none) of those carrying S as a
                                 survey; prints, over the held-out folds, AUC(resolved, A > 0),
                                 Spearman(predicted_csat, S) and AUC(predicted_csat, A > 0) for the rules
                                 alone, with the labels, and with the labels and surveys (default --work
                                 bench/out/stc3; K runs, a few minutes each)
                  --sentiment DIR  the shared datasets directory (sst2/, uss/): macro-F1 of the message
                                 sentiment label (CoreNLP alone, the chat lexicon, the pipeline's
                                 combination and the combination without each of its parts) on SST-2's
                                 872 dev sentences and on --limit USS user turns (default 2000; 0 = all);
                                 with --work DIR, every text's scores also go to DIR/scores.tsv;
                                 --scores FILE reads them from such a file instead of scoring (seconds)

                Exit code 0 on success, 1 on failure, 2 for a wrong command line.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of(
                "uss",
                "stc3",
                "sentiment",
                "scores",
                "limit",
                "folds",
                "survey-share",
                "seed",
                "work",
                "report",
                "conf",
                "set");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        args.requireNoPositional();
        List<String> modes =
                Stream.of("uss", "stc3", "sentiment").filter(args::has).toList();
        if (modes.size() != 1) {
            throw new UsageException("give one of --uss DIR, --stc3 FILE or --sentiment DIR");
        }
        String option = modes.get(0);
        Path directory = Path.of(args.get(option));
        if (option.equals("stc3") ? !Files.isRegularFile(directory) : !Files.isDirectory(directory)) {
            throw new UsageException(
                    "--" + option + " " + directory + " is not a " + (option.equals("stc3") ? "file" : "directory"));
        }
        if (args.has("scores") && !(option.equals("sentiment") && Files.isRegularFile(Path.of(args.get("scores"))))) {
            throw new UsageException("--scores FILE needs --sentiment and an existing scores file (a --work DIR's"
                    + " scores.tsv): " + args.get("scores"));
        }
        int limit = args.getInt("limit", option.equals("uss") ? 800 : 2000);
        if (limit < 0) {
            throw new UsageException("--limit must be >= 0 (0: all), got " + limit);
        }
        int folds = args.getInt("folds", 5);
        if (folds < 2) {
            throw new UsageException("--folds must be >= 2, got " + folds);
        }
        double surveyShare = args.getDouble("survey-share", 0.5);
        if (!(surveyShare >= 0 && surveyShare <= 1)) {
            throw new UsageException("--survey-share must be in 0..1, got " + surveyShare);
        }
        long seed = args.getLong("seed", 42);
        PipelineConfig config = NightlyCommand.loadConfig(args);
        Instant started = Instant.now();
        SparkSessions.Handle session = SparkSessions.open("csat evaluate", config);
        try {
            String report;
            if (option.equals("uss")) {
                EvaluateUssAgreement.Result result = new EvaluateUssAgreement(session.spark(), config)
                        .ussDirectory(directory)
                        .workDirectory(Path.of(args.get("work", "bench/out/uss")))
                        .limit(limit)
                        .seed(seed)
                        .execute();
                report = EvaluationReports.uss(result, limit, seed, Duration.between(started, Instant.now()));
            } else if (option.equals("stc3")) {
                EvaluateStc3Agreement.Result result = new EvaluateStc3Agreement(session.spark(), config)
                        .file(directory)
                        .workDirectory(Path.of(args.get("work", "bench/out/stc3")))
                        .folds(folds)
                        .surveyShare(surveyShare)
                        .seed(seed)
                        .execute();
                report = EvaluationReports.stc3(
                        result, folds, surveyShare, seed, Duration.between(started, Instant.now()));
            } else {
                EvaluateMessageSentiment evaluation = new EvaluateMessageSentiment(session.spark(), config)
                        .datasets(directory)
                        .turns(limit)
                        .seed(seed)
                        .scoresFile(args.has("work") ? Path.of(args.get("work"), "scores.tsv") : null);
                if (args.has("scores")) {
                    evaluation.scoredBefore(Path.of(args.get("scores")));
                }
                EvaluateMessageSentiment.Result result = evaluation.execute();
                report = EvaluationReports.sentiment(result, seed, Duration.between(started, Instant.now()));
            }
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
}
