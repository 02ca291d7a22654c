package org.csat.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentScoresFileTest {
    private static final List<String> VARIANTS = List.of("all", "vader");

    private static EvaluateMessageSentiment.Scored scored(String text, String gold, double rating, double[] corenlp) {
        Map<String, Double> lexicon = new LinkedHashMap<>();
        lexicon.put("all", -0.25);
        lexicon.put("vader", 0.125);
        return new EvaluateMessageSentiment.Scored(
                new EvaluateMessageSentiment.Labelled(text, gold, rating), corenlp, lexicon);
    }

    @Test
    void whatIsWrittenReadsBackPerSet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/scores.tsv");
        Map<String, List<EvaluateMessageSentiment.Scored>> sets = new LinkedHashMap<>();
        sets.put("sst2", List.of(scored("great,\tjust\ngreat", "0", 0, new double[] {0.1, 0.2, 0.3, 0.2, 0.2})));
        sets.put("uss", List.of(scored("thanks", "positive", 4.5, null), scored("no", "negative", 1.5, null)));
        SentimentScoresFile.write(file, sets, VARIANTS);

        Map<String, List<EvaluateMessageSentiment.Scored>> read = SentimentScoresFile.read(file, VARIANTS);
        assertEquals(List.of("sst2", "uss"), List.copyOf(read.keySet()), "the sets in the order written");
        List<EvaluateMessageSentiment.Scored> sst2 = read.get("sst2");
        assertEquals(1, sst2.size());
        assertEquals("great, just great", sst2.get(0).text().text(), "whitespace, tabs too, is one space");
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.2, 0.2}, sst2.get(0).corenlp());
        assertEquals(Map.of("all", -0.25, "vader", 0.125), sst2.get(0).lexicon());
        List<EvaluateMessageSentiment.Scored> uss = read.get("uss");
        assertEquals(
                List.of("thanks", "no"), uss.stream().map(s -> s.text().text()).toList());
        assertEquals(4.5, uss.get(0).text().rating());
        assertNull(uss.get(1).corenlp(), "a text CoreNLP did not score stays unscored");
    }

    @Test
    void aFileOfOtherLexiconVariantsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.tsv");
        SentimentScoresFile.write(file, Map.of("uss", List.of(scored("ok", "neutral", 3, null))), VARIANTS);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SentimentScoresFile.read(file, List.of("all")));
        assertTrue(e.getMessage().contains("score again"), e.getMessage());
    }
}
