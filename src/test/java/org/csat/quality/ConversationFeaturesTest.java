package org.csat.quality;

import static org.csat.quality.Chat.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** How the exchange ends, as the resolution and CSAT models read it. */
class ConversationFeaturesTest {
    @Test
    void theEndOfTheExchangeIsRead() {
        List<Chat> chats = List.of(
                chat("answered")
                        .say(0, "customer", "My card was charged twice, can you refund it?")
                        .say(60, "agent", "Hello! I refunded the second charge of twenty euros today.")
                        .say(90, "agent", "Sorry.")
                        .say(120, "customer", "ok thanks"),
                chat("asked-back")
                        .say(0, "customer", "Why is there no signal in my area")
                        .say(60, "agent", "Sorry! What is your phone number?"),
                chat("last-question")
                        .say(0, "customer", "My order is late")
                        .say(60, "bot", "It ships tomorrow.")
                        .say(120, "customer", "Why not today?"),
                chat("unanswered").say(0, "customer", "Hello?"));
        SparkSession spark = TestSpark.session();
        Dataset<Row> messages = Chat.messages(spark, chats);
        Dataset<Row> silver = new SummarizeConversations(TestSpark.testConfig(), "run-test")
                .apply(messages, Chat.conversations(spark, chats));
        Map<String, Row> byId = new HashMap<>();
        new ConversationFeatures(TestSpark.testConfig().phrases())
                .apply(silver, messages)
                .collectAsList()
                .forEach(r -> byId.put(r.getAs("conversation_id"), r));

        assertEnd(byId.get("answered"), 1, 0, 0, (10 + 1) / 2.0, 10);
        assertEnd(byId.get("asked-back"), 0, 0, 1, 6, 6);
        assertEnd(byId.get("last-question"), 1, 1, 0, 3, 3);
        assertEnd(byId.get("unanswered"), 1, 1, 0, 0, 0);
    }

    private static void assertEnd(
            Row r,
            double endsWithCustomer,
            double lastCustomerQuestion,
            double lastResponderQuestion,
            double wordsPerReply,
            double longestReply) {
        String id = r.getAs("conversation_id");
        assertEquals(endsWithCustomer, r.<Double>getAs("ends_with_customer"), id);
        assertEquals(lastCustomerQuestion, r.<Double>getAs("last_customer_question"), id);
        assertEquals(lastResponderQuestion, r.<Double>getAs("last_responder_question"), id);
        assertEquals(Math.log1p(wordsPerReply), r.<Double>getAs("log_responder_words_per_turn"), 1e-9, id);
        assertEquals(Math.log1p(longestReply), r.<Double>getAs("log_responder_longest_message"), 1e-9, id);
    }
}
