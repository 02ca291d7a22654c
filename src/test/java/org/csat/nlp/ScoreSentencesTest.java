package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.bench.NaiveSentimentUdf;
import org.csat.config.PipelineConfig;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The batch's per-sentence memo gives every message exactly the sentiment the naive path
 * (one full CoreNLP pipeline call per message) gives it, on messages chosen to catch the
 * ways the two could part: a sentence shared by two messages, sentences that differ only in
 * words the models never saw (one parse for both), one over the token cap,
 * brackets and quotes the tokenizer rewrites, emoji, an empty and a blank text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoreSentencesTest {
    private static final int CAP = 12;
    private static final List<String> TEXTS = List.of(
            "Thanks, that fixed it! Great service.",
            "Great service. Where is my refund (order #123)?",
            "I have been waiting for three weeks and nobody answers my emails or my calls at all, this is awful. Bye.",
            "He said \"it's done\" -- it isn't...",
            "ok 🙏",
            "Where is order 48213? Thanks Zorvath.",
            "Where is order 77310? Thanks Quimbith.",
            "??",
            "",
            "   ");
    private final Map<String, Row> pipeline = new HashMap<>();
    private PipelineConfig config;

    @BeforeAll
    void scoreBoth() {
        SparkSession spark = TestSpark.session();
        config = TestSpark.testConfig().with("sentiment.max_sentence_tokens", Integer.toString(CAP));
        List<String> withRepeat = new ArrayList<>(TEXTS);
        withRepeat.add(TEXTS.get(0));
        Dataset<Row> texts = spark.createDataset(withRepeat, Encoders.STRING()).toDF("text");
        for (Row row : new ScoreSentences(config, 3).apply(texts).collectAsList()) {
            pipeline.put(row.getString(0), row);
        }
    }

    @Test
    void everyMessageScoresExactlyAsTheNaivePathScoresIt() {
        NaiveSentimentUdf naive = new NaiveSentimentUdf(config.sentiment().parseModel(), CAP);
        for (String text : TEXTS) {
            Row expected = naive.call(text);
            Row actual = pipeline.get(text);
            if (expected.isNullAt(0)) {
                assertFalse(actual != null && !actual.isNullAt(1), "no sentence scored in '" + text + "'");
                continue;
            }
            assertNotNull(actual, text);
            assertEquals(expected.getDouble(0), actual.getDouble(1), 0.0, text);
            assertEquals(expected.getString(1), actual.getString(2), text);
        }
    }

    @Test
    void sentencesOverTheCapCountButAreNotScored() {
        Row complaint = pipeline.get(TEXTS.get(2));
        assertEquals(2, complaint.getInt(3));
        assertEquals(1, complaint.getInt(4), "only 'Bye.' is within " + CAP + " tokens");
    }

    @Test
    void everyTaskGetsItsShareOfEveryLength() {
        int[][] counts = new int[3][2];
        for (int index = 0; index < 7; index++) {
            counts[ScoreSentences.task(40, index, 3)][0]++;
            counts[ScoreSentences.task(41, index, 3)][1]++;
        }
        for (int[] task : counts) {
            assertTrue(task[0] >= 2 && task[0] <= 3 && task[1] >= 2 && task[1] <= 3, Arrays.toString(task));
        }
        assertEquals(1, ScoreSentences.task(40, 0, 3), "each length starts one task further on");
        assertEquals(2, ScoreSentences.task(41, 0, 3));
    }

    @Test
    void textsWithoutSentencesHaveNoRow() {
        assertNull(pipeline.get(""));
        assertNull(pipeline.get("   "));
        assertEquals(TEXTS.size() - 2, pipeline.size());
    }
}
