package org.csat.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wording files' format: quoting keeps exact strings, and each kind of mistake a person
 * editing a file can make fails with a message that says where. Broken books are the shipped
 * English file with one edit, so each test shows only the mistake it is about.
 */
class PhraseBookFileTest {

    @Test
    void quotedLineIsExactlyWhatIsBetweenTheQuotes() {
        List<String> lines = english();
        lines.add(lines.indexOf("[GREETING]") + 1, "\"  Hi  \"");
        lines.add(lines.indexOf("[GREETING]") + 1, "\"#1\"");

        PhraseBook book = PhraseBookFile.parse("en.txt", lines);

        assertEquals(List.of("#1", "  Hi  ", "Hi,"), book.pool(Phrase.GREETING).subList(0, 3));
    }

    @Test
    void shippedFilesKeepTheEmptyWordingAndTheirOrder() {
        List<String> prefixes = Language.EN.phrases().pool(Phrase.REPHRASE_PREFIX);

        assertEquals(List.of("I said", "again:", "like I said,", "ok so", ""), prefixes);
    }

    @Test
    void unknownSectionNamesFileAndLine() {
        List<String> lines = english();
        int line = lines.indexOf("[GREETING]");
        lines.set(line, "[GREETINGS]");

        IllegalStateException failure = failureOf(lines);

        assertEquals(
                "en.txt line " + (line + 1) + ": unknown section [GREETINGS]; expected a pool from Phrase,"
                        + " [agent names], or a topic from Topic followed by problems, bot answer or resolutions",
                failure.getMessage());
    }

    @Test
    void repeatedSectionNamesBothLines() {
        List<String> lines = english();
        int first = lines.indexOf("[ORDER_STATUS problems]");
        lines.add("[ORDER_STATUS problems]");
        lines.add("where is it");

        IllegalStateException failure = failureOf(lines);

        assertEquals(
                "en.txt line " + (lines.size() - 1) + ": [ORDER_STATUS problems] already appears on line "
                        + (first + 1),
                failure.getMessage());
    }

    @Test
    void wordingBeforeAnySectionNamesItsLine() {
        List<String> lines = english();
        lines.add(0, "hello");

        assertEquals(
                "en.txt line 1: wording before the first [section]",
                failureOf(lines).getMessage());
    }

    @Test
    void missingPoolNamesFileAndPool() {
        List<String> lines = english();
        int line = lines.indexOf("[PII_IBAN]");
        lines.subList(line, lines.indexOf("[PII_HANDLE]")).clear();

        assertEquals("en.txt has no wording for PII_IBAN", failureOf(lines).getMessage());
    }

    @Test
    void missingTopicPartNamesFileAndTopic() {
        List<String> lines = english();
        int line = lines.indexOf("[COMPLAINT resolutions]");
        lines.subList(line, line + 3).clear();

        assertEquals(
                "en.txt has no wording for topic COMPLAINT (it needs problems, a bot answer and resolutions)",
                failureOf(lines).getMessage());
    }

    @Test
    void secondBotAnswerIsRefused() {
        List<String> lines = english();
        lines.add(lines.indexOf("[REFUND_STATUS bot answer]") + 1, "Refunds take a week.");

        assertEquals(
                "en.txt: bot answer for REFUND_STATUS must be one string",
                failureOf(lines).getMessage());
    }

    private static IllegalStateException failureOf(List<String> lines) {
        return assertThrows(IllegalStateException.class, () -> PhraseBookFile.parse("en.txt", lines));
    }

    private static List<String> english() {
        try (InputStream in = PhraseBookFileTest.class.getClassLoader().getResourceAsStream("generate/en.txt")) {
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
