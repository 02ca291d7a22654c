package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.config.PipelineConfig;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** Which message rows get sentiment: the roles of sentiment.roles, English, with text, never system events. */
class ScorableMessagesTest {
    private static final StructType MESSAGES = new StructType()
            .add("role", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("language", DataTypes.StringType);
    private static final List<Row> ROWS = List.of(
            RowFactory.create("customer", "where is my refund", "en"),
            RowFactory.create("bot", "I can help with that.", "en-GB"),
            RowFactory.create("agent", "Hi, I'm Sara.", "en"),
            RowFactory.create("system", "Transferred to an agent", "en"),
            RowFactory.create("customer", null, "en"),
            RowFactory.create("customer", "wo ist meine Erstattung", "de"));

    private List<Boolean> scorable(PipelineConfig config) {
        SparkSession spark = TestSpark.session();
        return spark
                .createDataFrame(ROWS, MESSAGES)
                .select(new BuildSilverMessages(config, 1).scorable().as("s"))
                .collectAsList()
                .stream()
                .map(r -> r.getBoolean(0))
                .toList();
    }

    @Test
    void customerBotAndAgentTurnsInEnglishByDefault() {
        assertEquals(List.of(true, true, true, false, false, false), scorable(TestSpark.testConfig()));
    }

    @Test
    void sentimentRolesNarrowsTheScoredTurns() {
        assertEquals(
                List.of(true, false, false, false, false, false),
                scorable(TestSpark.testConfig().with("sentiment.roles", "customer")));
    }
}
