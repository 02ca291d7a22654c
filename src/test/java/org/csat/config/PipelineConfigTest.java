package org.csat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {
    @Test
    void bundledDefaultsAreTyped() {
        PipelineConfig config = PipelineConfig.defaults();
        assertEquals("local[*]", config.spark().master());
        assertEquals(80, config.sentiment().maxSentenceTokens());
        assertEquals(Set.of("en"), config.sentiment().languages());
        assertTrue(config.sentiment().parseModel().endsWith(".ser.gz"));
    }

    @Test
    void overrideFileThenSetWinInThatOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("night.properties");
        Files.writeString(file, "sentiment.max_sentence_tokens=40\nsentiment.languages=en, de\n");
        PipelineConfig config = PipelineConfig.load(file, Map.of("sentiment.max_sentence_tokens", "30"));
        assertEquals(30, config.sentiment().maxSentenceTokens());
        assertEquals(Set.of("en", "de"), config.sentiment().languages());
    }

    @Test
    void unknownKeysFailLoudlyAndNameTheSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "sentiment.max_sentense_tokens=40\n");
        IllegalArgumentException fromFile =
                assertThrows(IllegalArgumentException.class, () -> PipelineConfig.load(file, Map.of()));
        assertTrue(fromFile.getMessage().contains("sentiment.max_sentense_tokens"));
        assertTrue(fromFile.getMessage().contains(file.toString()));
        assertThrows(IllegalArgumentException.class, () -> PipelineConfig.load(null, Map.of("no.such.key", "1")));
    }

    @Test
    void badNumbersSayWhichSetting() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PipelineConfig.load(null, Map.of("sentiment.max_sentence_tokens", "eighty")));
        assertTrue(e.getMessage().contains("sentiment.max_sentence_tokens"));
    }

    @Test
    void phraseFolderBesideTheOverrideFileReplacesThatLanguageOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.properties");
        Files.writeString(file, "");
        Files.createDirectories(dir.resolve("phrases/asked_for_human"));
        Files.writeString(dir.resolve("phrases/asked_for_human/en.txt"), "# site wording\nSpeak to Staff!\n");
        PhraseLists phrases = PipelineConfig.load(file, Map.of()).phrases();
        assertEquals(List.of("speak to staff"), phrases.phrases("asked_for_human", "en"));
        assertTrue(
                phrases.matches("asked_for_human", "de", "Kann ich bitte mit einem Mitarbeiter sprechen?"),
                "German keeps the bundled list");
        assertFalse(phrases.matches("asked_for_human", "en", "can I talk to a human"));
    }
}
