package org.csat.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.csat.cli.Args;
import org.csat.cli.GenerateCommand;
import org.csat.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csat generate} parses its options, runs the generator and prints one summary line. */
class GenerateCommandTest {
    private final GenerateCommand command = new GenerateCommand();

    @Test
    void writesTheRequestedDataAndPrintsASummary(@TempDir Path dir) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = run(
                    "--out",
                    dir.toString(),
                    "--conversations",
                    "120",
                    "--days",
                    "4",
                    "--format",
                    "csv",
                    "--bot-penalty",
                    "0,0,0.2",
                    "--rollout-day",
                    "1",
                    "--truth",
                    dir.resolve("truth.jsonl").toString());
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);
        String summary = printed.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("generated 120 conversations, "), summary);
        assertTrue(summary.contains(" in 4 files under "), summary);
        assertEquals(1, summary.lines().count());
        assertTrue(Files.exists(dir.resolve("2024-01-04/messages-000.csv")));
        assertEquals(120, Files.readAllLines(dir.resolve("truth.jsonl")).size());
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) {
        assertUsage("--out is required", "--days", "3");
        assertUsage(
                "unknown format 'xml', expected jsonl, jsonl.gz or csv", "--out", dir.toString(), "--format", "xml");
        assertUsage(
                "--bot-penalty needs three numbers LOW,MEDIUM,HIGH, got '0.1,0.2'",
                "--out",
                dir.toString(),
                "--bot-penalty",
                "0.1,0.2");
        assertUsage("bot share must be between 0 and 1, got 2.0", "--out", dir.toString(), "--bot-share", "2");
        assertUsage("unknown option --bot", "--out", dir.toString(), "--bot", "1");
    }

    private int run(String... argv) throws Exception {
        return command.run(Args.parse(argv, command.valuedOptions(), command.flags()));
    }

    private void assertUsage(String message, String... argv) {
        UsageException thrown = assertThrows(UsageException.class, () -> run(argv));
        assertEquals(message, thrown.getMessage());
    }
}
