package org.csat.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.csat.evaluate.EvaluateMessageSentiment;
import org.csat.evaluate.EvaluateStc3Agreement;
import org.csat.evaluate.EvaluateUssAgreement;

/** The Markdown tables {@code csat evaluate} prints for the USS, STC-3 and message sentiment evaluations. */
final class EvaluationReports {
    private EvaluationReports() {}

    static String sentiment(EvaluateMessageSentiment.Result result, long seed, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Message sentiment against people: SST-2 dev, %d sentences (macro-F1 over negative and"
                        + " positive, a neutral answer is a miss); USS, %d rated user turns (seed %d; macro-F1 over"
                        + " negative 1-2, neutral 3, positive 4-5); %d s%n%n",
                result.sst2Texts(),
                result.ussTurns(),
                seed,
                took.toSeconds()));
        out.append("| scorer | SST-2 macro-F1 | SST-2 accuracy | USS turns macro-F1 | USS turns Spearman |\n");
        out.append("|---|---|---|---|---|\n");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (EvaluateMessageSentiment.Figure f : result.figures()) {
            String[] row = rows.computeIfAbsent(f.scorer(), k -> new String[4]);
            if (f.set().equals("SST-2")) {
                row[0] = format(f.macroF1());
                row[1] = format(f.accuracy());
            } else {
                row[2] = format(f.macroF1());
                row[3] = f.spearman() == null ? "n/a" : format(f.spearman());
            }
        }
        rows.forEach((scorer, row) -> out.append("| ")
                .append(scorer)
                .append(" | ")
                .append(String.join(" | ", row))
                .append(" |\n"));
        return out.toString().stripTrailing();
    }

    static String uss(EvaluateUssAgreement.Result result, int limit, long seed, Duration took) {
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

    static String stc3(EvaluateStc3Agreement.Result result, int folds, double surveyShare, long seed, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "STC-3 agreement: %d dialogues, %d folds (seed %d): each fold scored by a nightly job that had"
                        + " people's labels only for the other folds%s; %d s%n%n",
                result.dialogues(),
                folds,
                seed,
                surveyShare > 0
                        ? String.format(Locale.ROOT, ", and with surveys on %.0f%% of them", 100 * surveyShare)
                        : "",
                took.toSeconds()));
        out.append("| condition | measure | dialogues | value |\n|---|---|---|---|\n");
        for (EvaluateStc3Agreement.Figure f : result.figures()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %s |%n",
                    f.condition(),
                    f.measure(),
                    f.dialogues(),
                    f.value() == null ? "n/a" : format(f.value())));
        }
        out.append("\nWhat decided, per run:\n");
        result.runs().forEach(line -> out.append("- ").append(line).append('\n'));
        return out.toString().stripTrailing();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
