package org.csat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.csat.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void everyOneOfTwelveLanguagesHasItsOwnListForTheCoreSignals() {
        for (String language :
                List.of("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl", "zh", "ja")) {
            for (String signal : List.of(
                    "asked_for_human", "resolution_confirmed", "unresolved", "frustration", "gratitude", "goodbye")) {
                List<String> list = phrases.phrases(signal, language);
                assertFalse(list.isEmpty(), signal + "/" + language);
                assertTrue(
                        language.equals("en") || !list.equals(phrases.phrases(signal, "en")),
                        signal + "/" + language + " falls back to English");
            }
        }
    }

    /**
     * Everyday support sentences written for this test, in the new languages and in those
     * written without spaces (zh, ja: the phrase matches inside the text); a negated sentence
     * must not confirm a fix.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gratitude|it|Grazie mille per l'aiuto!|true",
                "unresolved|nl|Het werkt nog steeds niet.|true",
                "resolution_confirmed|nl|Het werkt niet.|false",
                "asked_for_human|da|Kan jeg tale med et menneske?|true",
                "resolution_confirmed|nb|Takk, problemet er løst nå.|true",
                "unresolved|no|Det virker fortsatt ikke|true",
                "frustration|fi|Tämä on naurettavaa.|true",
                "goodbye|pl|Dziękuję, miłego dnia!|true",
                "resolution_confirmed|pl|Nadal nie działa.|false",
                "asked_for_human|zh|我想转人工客服，谢谢|true",
                "gratitude|zh-CN|好的，非常感谢！|true",
                "unresolved|zh|还是不行啊|true",
                "gratitude|ja|ご対応ありがとうございました。|true",
                "unresolved|ja|荷物がまだ届いていませんが、どうなっていますか？|true",
                "asked_for_human|ja|オペレーターと話したいです|true",
                "asked_for_human|ja|ありがとうございました|false"
            })
    void matchesInTheNewLanguages(String signal, String language, String text, boolean expected) {
        assertEquals(expected, phrases.matches(signal, language, text), signal + "/" + language + ": " + text);
    }

    @Test
    void phrasesOfScriptsWithoutSpacesMatchAnywhere() {
        assertTrue(PhraseLists.isSpaceless("转人工"));
        assertFalse(PhraseLists.isSpaceless("talk to a human"));
    }

    @Test
    void languagesAreComparedAndListsChosenOnThePrimarySubtag() {
        assertEquals("pt", LanguageSettings.primarySubtag("pt-BR"));
        assertEquals("pt", LanguageSettings.primarySubtag("pt_br"));
        assertEquals("nb", LanguageSettings.primarySubtag("no"));
        assertEquals("en", LanguageSettings.primarySubtag(" EN-gb "));
        assertEquals(null, LanguageSettings.primarySubtag(" "));
    }

    @Test
    void unknownSignalIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> phrases.phrases("no_such_signal", "en"));
    }
}
