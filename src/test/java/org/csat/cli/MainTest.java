package org.csat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Exit codes and the one-line reason a scheduler reads. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(
                argv,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String lastErrLine() {
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("nightly"));
        assertEquals(2, run("nightli"));
        assertEquals(
                "csat: unknown command 'nightli'",
                err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        assertEquals(2, run("nightly", "--date", "2024-13-01"));
        assertEquals(2, run("query", "--format", "xml", "SELECT 1"));
        assertEquals(0, run("nightly", "--help"));
    }
}
