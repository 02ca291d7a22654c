package org.csat.job;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.csat.stage.SparkTaskProgress;
import org.csat.stage.StageProgress;

/**
 * Times the job's stages and reports them: a line when each starts, its Spark tasks while it
 * runs ({@link SparkTaskProgress}), and when it ends, what it did in words; keeps the seconds of
 * each stage for the run's result.
 */
final class StageClock {
    /** A stage's work. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /** What a finished stage did, in words, from its result and its seconds. */
    @FunctionalInterface
    interface Outcome<T> {
        String describe(T result, double seconds);
    }

    private final SparkContext context;
    private final StageProgress progress;
    private final int intervalSeconds;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    StageClock(SparkContext context, StageProgress progress, int intervalSeconds) {
        this.context = context;
        this.progress = progress;
        this.intervalSeconds = intervalSeconds;
    }

    <T> T time(String stage, Work<T> work, Outcome<T> outcome) throws IOException {
        progress.started(stage);
        long start = System.nanoTime();
        T result;
        try (SparkTaskProgress watch = SparkTaskProgress.watch(context, stage, progress, intervalSeconds)) {
            result = work.run();
        }
        double took = (System.nanoTime() - start) / 1e9;
        seconds.merge(stage, took, Double::sum);
        progress.finished(stage, took, outcome.describe(result, took));
        return result;
    }

    /** Seconds per stage, in the order the stages ran. */
    Map<String, Double> seconds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
}
