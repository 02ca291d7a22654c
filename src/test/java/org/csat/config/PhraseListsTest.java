package org.csat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.csat.text.TextNormalizer;
import org.junit.jupiter.api.Test;

class PhraseListsTest {
    private final PhraseLists phrases = PipelineConfig.defaults().phrases();

    @Test
    void normalizationIgnoresCaseAccentsAndPunctuation() {
        assertEquals("can i talk to a human", TextNormalizer.normalize("Can I talk to a HUMAN?!"));
        assertEquals("parler a un humain", TextNormalizer.normalize("Parler à un humain..."));
        assertEquals("strasse ok", TextNormalizer.normalize("Straße — ok 👍"));
        assertEquals("", TextNormalizer.normalize(null));
    }

    @Test
    void asksForAHumanInVariedWording() {
        assertTrue(phrases.matches("asked_for_human", "en", "Can I talk to a HUMAN please?!"));
        assertTrue(phrases.matches("asked_for_human", "en-GB", "i want a real person"));
        assertTrue(phrases.matches("asked_for_human", "en", "Agent, please."));
        assertTrue(phrases.matches("asked_for_human", "fr", "Je veux parler à un conseiller"));
        assertTrue(phrases.matches("asked_for_human", "de", "Bitte mit einem Mitarbeiter verbinden"));
    }

    @Test
    void wholeWordsOnly() {
        assertFalse(phrases.matches("asked_for_human", "en", "That was humane of you, thanks"));
        assertFalse(phrases.matches("asked_for_human", "en", "Where is my parcel?"));
        assertFalse(phrases.matches("asked_for_human", "en", null));
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertTrue(phrases.matches("asked_for_human", "xx", "talk to a human"));
        assertTrue(phrases.matches("asked_for_human", null, "talk to a human"));
    }

    @Test
    void unknownSignalIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> phrases.phrases("no_such_signal", "en"));
    }
}
