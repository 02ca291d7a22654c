package org.csat.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.csat.stage.StageProgress;

/** Prints stage progress as one timestamped line each, for a person watching or a scheduler's log. */
final class ConsoleProgress implements StageProgress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(String stage) {
        line(stage, "started");
    }

    @Override
    public void running(String stage, double seconds, String state) {
        line(stage, String.format("running %.0f s: %s", seconds, state));
    }

    @Override
    public void finished(String stage, double seconds, String outcome) {
        line(stage, String.format("done in %.1f s: %s", seconds, outcome));
    }

    private synchronized void line(String stage, String text) {
        out.printf("%s %-8s %s%n", LocalTime.now().format(TIME), stage, text);
    }
}
