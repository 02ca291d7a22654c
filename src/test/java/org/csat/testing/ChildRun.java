package org.csat.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code org.csat.cli.Main} in a child JVM, as the scheduler starts it: the test JVM's class
 * path and its Java module options (the {@code --add-opens} list surefire passes), 1 GB heap,
 * output to files. Every wait is bounded; {@link #close} kills the process if it still runs.
 */
public final class ChildRun implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildRun(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static ChildRun start(Path logs, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-")
                    || option.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || option.startsWith("-Djdk.reflect")
                    || option.startsWith("-Dio.netty")) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.csat.cli.Main");
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new ChildRun(process, out, err);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, waiting at most {@code seconds}; fails (and kills) when the run takes longer. */
    public int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("child run did not end within " + seconds + " s; stderr:\n" + stderrTail());
        }
        return process.exitValue();
    }

    /** Kills the JVM at once (SIGKILL: no shutdown hooks, no finally blocks) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String lastStderrLine() throws IOException {
        List<String> lines =
                Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    public String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderr);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    public String stdoutText() throws IOException {
        return Files.readString(stdout);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
