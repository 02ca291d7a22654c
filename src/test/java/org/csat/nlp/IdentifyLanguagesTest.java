package org.csat.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.bench.ConvertMaia;
import org.csat.tables.TableSchemas;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Languages of conversations and messages through {@link BuildSilverMessages}, and the
 * sentiment they get: a handful of conversations written for the test (each there for the case
 * its id names), then MAIA's German, French and Portuguese originals with no language given.
 */
class IdentifyLanguagesTest {
    private static final String ENGLISH_LONG = "Hi, I ordered a jacket two weeks ago and it still has not arrived,"
            + " could you please tell me where it is?";
    private static final String ENGLISH_MORE =
            "The tracking page has not changed since Monday and nobody has answered my email, which is frustrating.";
    private static final String NORWEGIAN_LONG =
            "Hei, bestillingen min har fortsatt ikke kommet frem, kan dere hjelpe meg?"
                    + " Jeg har ventet i over to uker nå, og sporingen viser ingenting.";
    private static final String GERMAN_LONG =
            "Das ist wirklich ärgerlich, ich warte jetzt schon seit zwei Wochen auf meine Bestellung.";

    private static String conversation(String id, String language, String... customerTexts) {
        StringBuilder json =
                new StringBuilder("{\"conversation_id\":\"" + id + "\",\"started_at\":\"2024-03-01T09:00:00Z\"");
        if (language != null) {
            json.append(",\"language\":\"").append(language).append('"');
        }
        json.append(",\"messages\":[");
        for (int i = 0; i < customerTexts.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"seq\":")
                    .append(i)
                    .append(",\"role\":\"customer\",\"text\":\"")
                    .append(customerTexts[i])
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static Dataset<Row> bronze(SparkSession spark, Dataset<String> lines) {
        return spark.read().schema(TableSchemas.BRONZE_CONVERSATIONS).json(lines);
    }

    @Test
    void conversationsAndMessagesGetTheirOwnLanguageAndOnlyEnglishGetsTheEnglishModel() {
        SparkSession spark = TestSpark.session();
        List<String> lines = List.of(
                conversation("en-source-with-german-turn", "en", ENGLISH_LONG, "ok", GERMAN_LONG, ENGLISH_MORE),
                conversation("german-no-source", null, GERMAN_LONG, "danke"),
                conversation("labelled-fr-written-en", "fr", ENGLISH_LONG),
                conversation("labelled-no-written-nb", "no", NORWEGIAN_LONG),
                conversation("too-short-no-source", null, "ok", "👍"));
        BuildSilverMessages silver = new BuildSilverMessages(TestSpark.testConfig(), 2);
        Dataset<Row> conversations = silver.withLanguage(bronze(spark, spark.createDataset(lines, Encoders.STRING())));
        Map<String, Row> byId = new HashMap<>();
        conversations.collectAsList().forEach(r -> byId.put(r.getAs("conversation_id"), r));

        Row german = byId.get("german-no-source");
        assertEquals("de", german.getAs("language"));
        assertEquals("detected", german.getAs("language_source"));
        Row mislabelled = byId.get("labelled-fr-written-en");
        assertEquals("fr", mislabelled.getAs("language"), "the source's language is kept");
        assertEquals("en", mislabelled.getAs("detected_language"));
        assertTrue(mislabelled.<Boolean>getAs("language_mismatch"));
        assertFalse(byId.get("labelled-no-written-nb").<Boolean>getAs("language_mismatch"), "no = nb");
        assertFalse(byId.get("en-source-with-german-turn").<Boolean>getAs("language_mismatch"));
        Row tooShort = byId.get("too-short-no-source");
        assertEquals("und", tooShort.getAs("language"));
        assertEquals("unknown", tooShort.getAs("language_source"));
        assertNull(tooShort.getAs("detected_language"));
        assertEquals(new LanguageCheck(3, 1), LanguageCheck.of(conversations));

        Map<String, Row> messages = new HashMap<>();
        silver.apply(conversations)
                .collectAsList()
                .forEach(r -> messages.put(r.getAs("conversation_id") + "#" + r.getAs("seq"), r));
        Row englishTurn = messages.get("en-source-with-german-turn#0");
        assertEquals("en", englishTurn.getAs("language"));
        assertEquals(CombinedSentiment.ENGLISH_MODEL, englishTurn.getAs("sentiment_model"));
        assertTrue(englishTurn.getAs("corenlp_sentiment") != null);
        assertEquals("en", messages.get("en-source-with-german-turn#1").getAs("language"), "'ok' inherits");
        Row germanTurn = messages.get("en-source-with-german-turn#2");
        assertEquals("de", germanTurn.getAs("language"), "a German turn in a conversation labelled en");
        assertNoEnglishScore(germanTurn);
        assertEquals("de", messages.get("german-no-source#1").getAs("language"), "'danke' inherits");
        assertNoEnglishScore(messages.get("german-no-source#0"));
        assertEquals("en", messages.get("labelled-fr-written-en#0").getAs("language"));
    }

    private static void assertNoEnglishScore(Row message) {
        assertEquals(CombinedSentiment.NO_MODEL, message.getAs("sentiment_model"));
        assertNull(message.getAs("sentiment"));
        assertNull(message.getAs("corenlp_sentiment"));
        assertNull(message.getAs("lexicon_sentiment"));
    }

    /**
     * MAIA's test split, original side, no language stated: every conversation must come out in
     * the corpus' language, and no message the detector does not read as English may carry a score.
     */
    @Test
    void maiaOriginalsAreIdentifiedAndGetNoEnglishModelScore(@TempDir Path temp) throws Exception {
        Path maia = Path.of(System.getProperty("csat.shared.dir", "../shared"), "datasets", "maia");
        assumeTrue(Files.isDirectory(maia), "the shared MAIA data is not here: " + maia);
        Path converted = temp.resolve("maia.jsonl");
        ConvertMaia.main(
                new String[] {maia.toString(), converted.toString(), "--original", "--no-language", "--split", "test"});
        SparkSession spark = TestSpark.session();
        BuildSilverMessages silver = new BuildSilverMessages(TestSpark.testConfig(), 2);
        Dataset<Row> conversations = silver.withLanguage(
                        bronze(spark, spark.read().textFile(converted.toString())))
                .cache();
        long total = conversations.count();
        long right =
                conversations.where(col("language").equalTo(corpusLanguage())).count();
        assertEquals(182, total, "MAIA's test split: 71 German, 51 French, 60 Portuguese chats");
        assertTrue(right >= 0.99 * total, right + " of " + total + " in the corpus' language");

        Dataset<Row> messages = silver.apply(conversations).cache();
        long notEnglish = messages.where(col("language").notEqual("en")).count();
        long scoredNotEnglish = messages.where(col("language")
                        .notEqual("en")
                        .and(col("sentiment")
                                .isNotNull()
                                .or(col("corenlp_sentiment").isNotNull())
                                .or(col("sentiment_model").notEqual(CombinedSentiment.NO_MODEL))))
                .count();
        long messageCount = messages.count();
        assertEquals(0, scoredNotEnglish, "non-English messages with an English-model score");
        assertTrue(notEnglish >= 0.98 * messageCount, notEnglish + " of " + messageCount + " not read as English");
        conversations.unpersist();
        messages.unpersist();
    }

    /** The corpus' language from the conversation id ("MAIA-pt_br-en-test/..." -> "pt"). */
    private static Column corpusLanguage() {
        return regexp_extract(col("conversation_id"), "^MAIA-([a-z]+)", 1);
    }
}
