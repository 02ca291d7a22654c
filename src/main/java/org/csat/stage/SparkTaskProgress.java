package org.csat.stage;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Reports a running stage every {@code interval} seconds until closed: how many Spark jobs and
 * tasks it has finished so far and how many tasks are running, counted by a listener on Spark's
 * event bus and printed by a daemon thread. Spark's own console progress bar is off (it redraws a
 * line many times a second, which a scheduler's log keeps as noise); this is one line at a fixed
 * pace instead, enough to see that a long stage is alive and moving.
 */
public final class SparkTaskProgress implements AutoCloseable {
    private final SparkContext context;
    private final Counter counter;
    private final ScheduledExecutorService timer;

    private SparkTaskProgress(SparkContext context, Counter counter, ScheduledExecutorService timer) {
        this.context = context;
        this.counter = counter;
        this.timer = timer;
    }

    /** Starts reporting {@code stage} to {@code progress} every {@code intervalSeconds} (not at all when 0). */
    public static SparkTaskProgress watch(
            SparkContext context, String stage, StageProgress progress, int intervalSeconds) {
        if (intervalSeconds <= 0 || progress == StageProgress.NONE) {
            return new SparkTaskProgress(context, null, null);
        }
        Counter counter = new Counter();
        context.addSparkListener(counter);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "csat-progress-" + stage);
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        timer.scheduleAtFixedRate(
                () -> progress.running(stage, (System.nanoTime() - started) / 1e9, counter.state()),
                intervalSeconds,
                intervalSeconds,
                TimeUnit.SECONDS);
        return new SparkTaskProgress(context, counter, timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            context.removeSparkListener(counter);
        }
    }

    /** Jobs and tasks seen on the event bus since the stage started. */
    static final class Counter extends SparkListener {
        private final AtomicLong jobsDone = new AtomicLong();
        private final AtomicLong tasksDone = new AtomicLong();
        private final AtomicInteger tasksRunning = new AtomicInteger();

        @Override
        public void onJobEnd(SparkListenerJobEnd jobEnd) {
            jobsDone.incrementAndGet();
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
            tasksRunning.incrementAndGet();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            tasksDone.incrementAndGet();
            tasksRunning.updateAndGet(running -> Math.max(0, running - 1));
        }

        String state() {
            return String.format(
                    "%,d Spark jobs and %,d tasks done, %d task%s running",
                    jobsDone.get(), tasksDone.get(), tasksRunning.get(), tasksRunning.get() == 1 ? "" : "s");
        }
    }
}
