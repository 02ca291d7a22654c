package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The lexicon scorer: VADER's own rules give vaderSentiment's published scores (README of
 * vaderSentiment 3.3.2, four decimals) when the support-chat additions are off, and the
 * additions read the support phrasings VADER misses.
 */
class LexiconSentimentTest {
    private static final LexiconSentiment VADER_ONLY =
            new LexiconSentiment(ChatLexicon.english(), new LexiconSentiment.Parts(true, false, false, true, true));
    private static final LexiconSentiment CHAT = LexiconSentiment.english();

    private static double vader(String text) {
        return VADER_ONLY.score(text).compound();
    }

    private static double chat(String text) {
        return CHAT.score(text).compound();
    }

    @Test
    void reproducesVaderPublishedScores() {
        assertEquals(0.8316, vader("VADER is smart, handsome, and funny."), 5e-5);
        assertEquals(0.8439, vader("VADER is smart, handsome, and funny!"), 5e-5);
        assertEquals(0.8545, vader("VADER is very smart, handsome, and funny."), 5e-5);
        assertEquals(0.9227, vader("VADER is VERY SMART, handsome, and FUNNY."), 5e-5);
        assertEquals(0.9342, vader("VADER is VERY SMART, handsome, and FUNNY!!!"), 5e-5);
        assertEquals(0.9469, vader("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!"), 5e-5);
        assertEquals(-0.7424, vader("VADER is not smart, handsome, nor funny."), 5e-5);
        assertEquals(0.4404, vader("The book was good."), 5e-5);
        assertEquals(0.431, vader("At least it isn't a horrible book."), 5e-5);
        assertEquals(0.3832, vader("The book was only kind of good."), 5e-5);
        assertEquals(
                -0.7042,
                vader("The plot was good, but the characters are uncompelling and the dialog is not great."),
                5e-5);
        assertEquals(-0.5461, vader("Today SUX!"), 5e-5);
        assertEquals(0.5249, vader("Today only kinda sux! But I'll get by, lol"), 5e-5);
        assertEquals(0.8633, vader("Make sure you :) or :D today!"), 5e-5);
        // the reference implementation at 44fc044 (its README still shows 0.7003, from an older emoji list)
        assertEquals(0.875, vader("Catch utf-8 emoji such as 💘 and 💋 and 😁"), 5e-5);
        assertEquals(0.431, vader("Not bad at all"), 5e-5, "the Java port on Maven Central gets this one negative");
    }

    @Test
    void noSentimentWordsScoreZero() {
        LexiconSentiment.Score score = CHAT.score("Where is my parcel? Order 4411.");
        assertEquals(0.0, score.compound());
        assertEquals(0, score.items());
        assertEquals(0, CHAT.score("   ").items());
    }

    @Test
    void supportPhrasesReadWhatVaderMisses() {
        assertTrue(vader("It is still not working") == 0.0, "VADER has no word here");
        assertTrue(chat("It is still not working") < -0.3);
        assertTrue(chat("Thanks, it works now!") > 0.5);
        assertTrue(chat("I am fed up, this is a waste of time") < -0.6);
        assertTrue(vader("This is a joke") > 0, "VADER reads a joke as fun");
        assertTrue(chat("This is a joke") < -0.3);
        assertEquals(0.0, chat("Can I talk to a human please?"), 1e-12, "'please' is a formula here");
        assertTrue(vader("Can I talk to a human please?") > 0);
        assertEquals(0.0, chat("I'd like to cancel my order"), 1e-12, "a request, not praise");
    }

    @Test
    void negationAndIntensifiersActOnPhrases() {
        assertTrue(chat("It is not a waste of time") > 0, "negated phrase flips");
        assertTrue(chat("Really fed up") < chat("fed up"), "intensifier before a phrase");
        assertTrue(chat("I am not happy with this") < 0);
    }

    @Test
    void sarcasmCountsPraiseAsComplaint() {
        assertTrue(vader("Great, another delay.") > 0, "VADER takes the praise at face value");
        assertTrue(chat("Great, another delay.") < -0.3);
        assertTrue(chat("Oh great, it crashed again") < 0);
        assertTrue(chat("Thanks for nothing") < 0);
        assertTrue(chat("Great, it works again!") > 0.3, "praise with a positive support phrase is sincere");
        assertTrue(chat("Great. I will try again tomorrow, thanks") > 0, "the marker is in another sentence");
    }

    @Test
    void curlyApostrophesNegateLikeStraightOnes() {
        assertEquals(chat("It doesn't work"), chat("It doesn’t work"), 1e-12);
        assertTrue(chat("I don’t like it") < 0);
    }
}
