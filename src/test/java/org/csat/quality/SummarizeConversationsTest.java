package org.csat.quality;

import static org.csat.quality.Chat.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The per-conversation quality columns on hand-built conversations, one for each way a chat
 * ends: each is there for the status or effort measure its name says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummarizeConversationsTest {
    private final Map<String, Row> byId = new HashMap<>();

    @BeforeAll
    void summarize() {
        List<Chat> chats = List.of(
                chat("confirmed")
                        .say(0, "customer", "Where is my refund?", -0.2)
                        .say(30, "bot", "Your refund was sent yesterday and arrives within 3 days.")
                        .say(90, "customer", "Thanks, that solved it!", 0.0),
                chat("thanks-then-question")
                        .say(0, "customer", "My card is blocked.")
                        .say(10, "agent", "I have unblocked it.")
                        .say(20, "customer", "Thank you! Will I get an email?")
                        .say(40, "agent", "Yes, within the hour."),
                chat("assumed")
                        .say(0, "customer", "How do I change my address?")
                        .say(60, "agent", "Go to Settings, then Address, and save the new one."),
                chat("escalated")
                        .say(0, "customer", "There is a payment I did not make on my card")
                        .say(5, "bot", "Sorry, I didn't understand. Could you rephrase?")
                        .say(20, "customer", "there is a payment i did not make on my card!")
                        .say(25, "bot", "Sorry, I didn't understand that. Could you rephrase?")
                        .say(40, "customer", "Can I talk to a human please")
                        .event(41, "handoff")
                        .say(300, "agent", "Hi, I have blocked the card and opened a dispute for that payment."),
                chat("left-on-question")
                        .say(0, "customer", "I want to return my shoes.")
                        .say(100, "agent", "Sure. Could you send me the order number?"),
                chat("unanswered").say(0, "customer", "Hello, anyone there?").say(120, "customer", "hello??"),
                chat("gave-up-on-bot")
                        .say(0, "customer", "My invoice is wrong.")
                        .say(3, "bot", "You can find your invoices under Documents.")
                        .say(60, "customer", "That didn't help at all, this is useless.")
                        .say(62, "bot", "Is there anything else I can help you with?"),
                chat("timed-out")
                        .say(0, "customer", "When does my parcel arrive?")
                        .say(50, "agent", "It arrives on Monday.")
                        .event(950, "timeout"),
                chat("wrapped-up-then-timeout")
                        .say(0, "customer", "When does my parcel arrive?")
                        .say(50, "agent", "It arrives on Monday. Is there anything else I can help with?")
                        .event(950, "timeout"),
                chat("german-confirmed")
                        .language("de")
                        .say(0, "customer", "Meine Zahlung wird nicht angezeigt.")
                        .say(20, "agent", "Ich habe die Zahlung gebucht.")
                        .say(40, "customer", "Super, hat funktioniert. Danke!"),
                chat("french-unresolved")
                        .language("fr")
                        .say(0, "customer", "Je n'arrive pas à me connecter.")
                        .say(20, "bot", "Réinitialisez votre mot de passe depuis l'application.")
                        .say(40, "customer", "Ça ne marche toujours pas."),
                chat("told-to-call")
                        .say(0, "customer", "My internet keeps dropping out.")
                        .say(30, "agent", "Please call our hotline so a technician can check your line."),
                chat("promised-call-back")
                        .say(0, "customer", "I was charged twice for one order.")
                        .say(30, "agent", "Let me look into it.")
                        .say(90, "agent", "I have forwarded this to billing, they will get back to you."),
                chat("looked-into-it-and-answered")
                        .say(0, "customer", "I was charged twice for one order.")
                        .say(30, "agent", "Let me look into it.")
                        .say(90, "agent", "I refunded the second charge, it shows in your account today."),
                chat("acknowledged")
                        .say(0, "customer", "How do I reset my password?")
                        .say(20, "bot", "Tap 'Forgot password' on the login page and follow the email.")
                        .say(60, "customer", "ok"),
                chat("told-to-call-and-accepted")
                        .say(0, "customer", "Can I change my contract?")
                        .say(20, "agent", "Yes, please call our hotline and they will change it.")
                        .say(60, "customer", "Alright, thank you"),
                chat("response-times")
                        .say(0, "customer", "Hi")
                        .say(10, "customer", "I need help with a payment")
                        .say(70, "agent", "Hello! What is the problem?")
                        .say(100, "customer", "It was charged twice")
                        .say(130, "agent", "I refunded the second charge.")
                        .say(400, "customer", "ok"));
        SparkSession spark = TestSpark.session();
        new SummarizeConversations(TestSpark.testConfig(), "run-test")
                .apply(Chat.messages(spark, chats), Chat.conversations(spark, chats))
                .collectAsList()
                .forEach(r -> byId.put(r.getAs("conversation_id"), r));
    }

    private String status(String id) {
        return byId.get(id).getAs("resolution_status");
    }

    @Test
    void thanksAfterTheAnswerIsConfirmed() {
        assertEquals("confirmed", status("confirmed"));
        assertTrue(byId.get("confirmed").<Boolean>getAs("resolved"));
        assertEquals(
                "confirmed", status("thanks-then-question"), "a follow-up question in the thank-you message itself");
        assertEquals("confirmed", status("german-confirmed"), "German phrase lists");
    }

    @Test
    void anAnswerWithoutFurtherRequestIsAssumed() {
        assertEquals("assumed", status("assumed"));
        assertTrue(byId.get("assumed").<Boolean>getAs("resolved"));
        assertEquals(
                "assumed", status("wrapped-up-then-timeout"), "a timeout after the agent's wrap-up is a normal end");
    }

    @Test
    void botToHumanIsEscalated() {
        Row escalated = byId.get("escalated");
        assertEquals("escalated", escalated.getAs("resolution_status"));
        assertEquals("bot_to_human", escalated.getAs("handled_by"));
        assertEquals(1, escalated.<Integer>getAs("asked_for_human_count"));
    }

    @Test
    void customerLeavingMidProblemIsAbandoned() {
        for (String id :
                List.of("left-on-question", "unanswered", "gave-up-on-bot", "timed-out", "french-unresolved")) {
            assertEquals("abandoned", status(id), id);
            assertFalse(byId.get(id).<Boolean>getAs("resolved"), id);
        }
    }

    @Test
    void toldToCallOrWaitIsRedirectedAndNotResolved() {
        assertEquals("redirected", status("told-to-call"));
        assertEquals("redirected", byId.get("told-to-call").getAs("resolution_rule"));
        assertFalse(byId.get("told-to-call").<Boolean>getAs("resolved"));
        assertEquals("redirected", status("promised-call-back"));
        assertEquals("callback_promised", byId.get("promised-call-back").getAs("resolution_rule"));
        assertEquals(
                "the agent promised a later answer or asked to wait at seq 2, after the customer's last message"
                        + " (seq 0)",
                byId.get("promised-call-back").getAs("resolution_evidence"));
        assertEquals(
                "assumed", status("looked-into-it-and-answered"), "only the last word counts: the answer came after");
        assertEquals("confirmed", status("told-to-call-and-accepted"), "the customer accepted being sent on");
    }

    @Test
    void anAcknowledgementAcceptsTheAnswer() {
        assertEquals("confirmed", status("acknowledged"));
        assertEquals("customer_accepted", byId.get("acknowledged").getAs("resolution_rule"));
        assertEquals(
                "customer acknowledged it at seq 2, after the answer at seq 1",
                byId.get("acknowledged").getAs("resolution_evidence"));
    }

    @Test
    void everyStatusNamesItsRuleAndEvidence() {
        assertEquals(
                "customer thanked at seq 2, after the answer at seq 1",
                byId.get("confirmed").getAs("resolution_evidence"));
        assertEquals("handoff", byId.get("escalated").getAs("resolution_rule"));
        assertTrue(
                byId.get("escalated").<String>getAs("resolution_evidence").startsWith("handed over to a human; "),
                byId.get("escalated").<String>getAs("resolution_evidence"));
        assertEquals("stopped_replying", byId.get("left-on-question").getAs("resolution_rule"));
        assertEquals("no_answer", byId.get("unanswered").getAs("resolution_rule"));
        assertEquals("left_complaining", byId.get("french-unresolved").getAs("resolution_rule"));
        assertEquals("left_after_event", byId.get("timed-out").getAs("resolution_rule"));
        assertEquals("answered", byId.get("assumed").getAs("resolution_rule"));
        for (Row row : byId.values()) {
            assertEquals("rules", row.getAs("resolution_source"));
            assertNull(row.getAs("resolution_probability"));
        }
    }

    @Test
    void questionsNobodyAnsweredAreCounted() {
        assertEquals(2, byId.get("unanswered").<Integer>getAs("unanswered_questions"), "both of them");
        assertEquals(0, byId.get("confirmed").<Integer>getAs("unanswered_questions"));
        assertEquals(
                0,
                byId.get("thanks-then-question").<Integer>getAs("unanswered_questions"),
                "the agent answered the follow-up");
    }

    @Test
    void repeatContactAndPredictionAreLeftForTheNextStep() {
        Row row = byId.get("confirmed");
        assertNull(row.getAs("repeat_contact"));
        assertNull(row.getAs("predicted_csat"));
        assertNull(row.getAs("topic_cluster"));
    }

    @Test
    void nearDuplicateTurnsAreRepetitionAndLoops() {
        Row escalated = byId.get("escalated");
        assertTrue(escalated.<Boolean>getAs("customer_repeated_self"), "same words, different case and punctuation");
        assertTrue(escalated.<Boolean>getAs("bot_loop"), "the fallback again after the customer rephrased");
        assertFalse(byId.get("confirmed").<Boolean>getAs("customer_repeated_self"));
        assertFalse(byId.get("confirmed").<Boolean>getAs("bot_loop"));
        assertFalse(
                byId.get("unanswered").<Boolean>getAs("customer_repeated_self"), "one- and two-word turns never count");
    }

    @Test
    void responseAndHandleTimes() {
        Row row = byId.get("response-times");
        assertEquals(70.0, row.<Double>getAs("first_response_s"), 1e-9, "from the first of two unanswered messages");
        assertEquals(
                (70.0 + 30.0) / 2,
                row.<Double>getAs("mean_response_s"),
                1e-9,
                "the trailing 'ok' got no reply and is left out");
        assertEquals(400.0 - 70.0, row.<Double>getAs("handle_time_s"), 1e-9, "first reply to the end");
        assertNull(byId.get("unanswered").getAs("first_response_s"));
        assertNull(byId.get("unanswered").getAs("handle_time_s"));
        assertEquals(300.0 - 5.0, byId.get("escalated").<Double>getAs("handle_time_s"), 1e-9);
    }
}
