package org.csat.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.config.ComparisonSettings;

/**
 * Which languages the comparison states on its own, and why the others are not stated: a
 * language is stated when {@code cohort.languages} lists it and it has at least
 * {@code cohort.language_min_n} bot-first and as many human-first conversations after the
 * rollout. Every language of the data and every listed one gets a {@link Size}; the languages
 * are the primary subtags of {@code silver_conversations.language}
 * ({@link PrepareComparisonFrame#LANGUAGE_CUT}), so "pt-BR" counts as "pt". Only one row per
 * language reaches the driver.
 */
final class LanguageCut {
    /** One language's conversations (all dates and cohorts) and its two sides after the rollout. */
    record Size(String language, long conversations, long botFirst, long human, String notStated) {
        boolean stated() {
            return notStated == null;
        }
    }

    private LanguageCut() {}

    /** @param frame the comparison frame, with its period and cohort */
    static List<Size> sizes(Dataset<Row> frame, ComparisonSettings settings) {
        CohortPair fair = CohortPair.BOT_FIRST_VS_HUMAN;
        Map<String, Row> counted = new HashMap<>();
        frame.groupBy(PrepareComparisonFrame.LANGUAGE_CUT)
                .agg(
                        count(lit(1)).as("conversations"),
                        count(when(FitPropensity.inPair(fair).and(FitPropensity.isTreated(fair)), lit(1)))
                                .as("bot_first"),
                        count(when(
                                        FitPropensity.inPair(fair)
                                                .and(col(PrepareComparisonFrame.COHORT)
                                                        .equalTo(CohortPair.CONTROL)),
                                        lit(1)))
                                .as("human"))
                .collectAsList()
                .forEach(row -> counted.put(row.getString(0), row));
        TreeSet<String> languages = new TreeSet<>(counted.keySet());
        languages.addAll(settings.languages());
        List<Size> sizes = new ArrayList<>();
        for (String language : languages) {
            Row row = counted.get(language);
            long conversations = row == null ? 0 : row.getLong(1);
            long botFirst = row == null ? 0 : row.getLong(2);
            long human = row == null ? 0 : row.getLong(3);
            sizes.add(
                    new Size(language, conversations, botFirst, human, notStated(language, botFirst, human, settings)));
        }
        return sizes;
    }

    /** Why a language is not stated on its own, or null when it is. */
    private static String notStated(String language, long botFirst, long human, ComparisonSettings settings) {
        if (!settings.languages().contains(language)) {
            return "not stated: " + language + " is not listed in cohort.languages";
        }
        int min = settings.languageMinN();
        if (botFirst < min || human < min) {
            return String.format(
                    Locale.ROOT,
                    "not stated: %s has %d bot-first and %d human-first conversations after the rollout, fewer"
                            + " than cohort.language_min_n = %d a side",
                    language,
                    botFirst,
                    human,
                    min);
        }
        return null;
    }
}
