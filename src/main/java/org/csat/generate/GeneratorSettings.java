package org.csat.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The validated, resolved settings of one generation run, as {@link GenerateTranscripts}
 * hands them to the parts that do the work. {@code rolloutDay} is -1 when the bot never
 * goes live ({@code --no-rollout}); {@code truthFile} is null unless asked for.
 */
record GeneratorSettings(
        Path outputDir,
        int conversations,
        int days,
        long seed,
        LocalDate startDate,
        int rolloutDay,
        Map<Complexity, Double> botShares,
        ResolutionModel resolution,
        double surveyRate,
        OutputFormat format,
        int filesPerDay,
        Path truthFile) {

    GeneratorSettings {
        botShares = new EnumMap<>(botShares);
    }

    boolean botLive(int day) {
        return rolloutDay >= 0 && day >= rolloutDay;
    }

    double botShare(Complexity band) {
        return botShares.get(band);
    }
}
