package org.csat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static Args parse(String... argv) {
        return Args.parse(argv, Set.of("input", "days"), Set.of("rescore"));
    }

    @Test
    void optionsFlagsAndPositionals() {
        Args args = parse("--input", "dir", "--days=3", "--rescore", "SELECT 1");
        assertEquals("dir", args.get("input"));
        assertEquals(3, args.getInt("days", 0));
        assertTrue(args.has("rescore"));
        assertEquals(List.of("SELECT 1"), args.positional());
        assertEquals(7, parse().getInt("days", 7));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhat() {
        assertEquals(
                "unknown option --inptu",
                assertThrows(UsageException.class, () -> parse("--inptu", "x")).getMessage());
        assertEquals(
                "--input needs a value",
                assertThrows(UsageException.class, () -> parse("--input")).getMessage());
        assertEquals(
                "--rescore takes no value",
                assertThrows(UsageException.class, () -> parse("--rescore=yes")).getMessage());
        assertTrue(assertThrows(
                        UsageException.class, () -> parse("--days", "three").getInt("days", 0))
                .getMessage()
                .contains("whole number"));
    }
}
