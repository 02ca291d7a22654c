package org.csat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps bench/run times: the naive UDF and the pipeline's scoring agree on every message, bit for bit. */
class SentimentBenchmarkTest {

    @Test
    void naiveAndPipelineScoringAgreeOnEveryMessage(@TempDir Path temp) throws Exception {
        SparkSession spark = TestSpark.session();
        PipelineConfig config = TestSpark.testConfig();
        Path input = TestSpark.copyFixture("fixtures/reliability", temp.resolve("in"));
        String naive = temp.resolve("naive").toString();
        String pipeline = temp.resolve("pipeline").toString();

        SentimentBenchmark.naive(spark, config, input.toString(), naive);
        SentimentBenchmark.pipeline(spark, config, input.toString(), pipeline);
        SentimentBenchmark.Agreement agreement = SentimentBenchmark.compare(spark, config, naive, pipeline, null);

        assertTrue(agreement.messages() >= 15, "the fixture's scorable messages: " + agreement);
        assertEquals(agreement.messages(), agreement.scored(), agreement.toString());
        assertEquals(0, agreement.mismatches(), agreement.toString());
        assertEquals(0, agreement.missing(), agreement.toString());
        assertEquals(0, agreement.notBitwiseIdentical(), agreement.toString());
        assertEquals(agreement.naiveRows(), agreement.pipelineRows(), "system events are rows on both sides");
    }
}
