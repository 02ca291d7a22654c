package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.csat.config.LanguageSettings;
import org.csat.config.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lingua with the default settings on support-chat sentences of every language with phrase
 * lists (written for this test, not taken from any dataset), and what it leaves undecided.
 */
class LanguageIdentifierTest {
    private static final LanguageSettings DEFAULTS = PipelineConfig.defaults().language();
    private static final String GERMAN_PAGE = "Guten Tag, ich habe vor drei Wochen einen Schrank bei Ihnen bestellt"
            + " und bis heute keine Versandbestätigung erhalten. Auf meine E-Mail hat leider niemand geantwortet."
            + " Können Sie mir bitte sagen, wann die Lieferung kommt, und mir eine Sendungsnummer schicken?";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|Hi, my order has not arrived yet and I would like to know where it is.",
                "de|Hallo, meine Bestellung ist immer noch nicht angekommen, können Sie mir helfen?",
                "fr|Bonjour, je n'ai toujours pas reçu ma commande, pouvez-vous m'aider ?",
                "es|Hola, mi pedido todavía no ha llegado y necesito saber dónde está.",
                "pt|Olá, o meu pedido ainda não chegou e gostaria de saber onde está.",
                "it|Buongiorno, il mio ordine non è ancora arrivato, potete aiutarmi?",
                "nl|Hallo, mijn bestelling is nog steeds niet aangekomen, kunt u mij helpen?",
                "sv|Hej, min beställning har fortfarande inte kommit fram, kan ni hjälpa mig?",
                "da|Hej, min bestilling er stadig ikke kommet frem, kan I hjælpe mig?",
                "fi|Hei, tilaukseni ei ole vieläkään saapunut, voitteko auttaa minua?",
                "pl|Dzień dobry, moje zamówienie wciąż nie dotarło, czy możecie mi pomóc?",
                "zh|你好，我的订单还没有到，请问可以帮我查一下吗？",
                "ja|こんにちは、注文した商品がまだ届いていません。確認していただけますか？"
            })
    void identifiesAChatSentenceInEachLanguageWithPhraseLists(String language, String text) {
        assertEquals(language, LanguageIdentifier.identify(text, DEFAULTS));
    }

    /** Bokmål and Danish are close: a sentence may stay undecided, but is never read as Danish. */
    @Test
    void tellsNorwegianFromDanishGivenAFewSentences() {
        String sentence = "Hei, bestillingen min har fortsatt ikke kommet frem, kan dere hjelpe meg?";
        String identified = LanguageIdentifier.identify(sentence, DEFAULTS);
        assertTrue(identified == null || identified.equals("nb"), identified);
        assertEquals(
                "nb",
                LanguageIdentifier.identify(
                        sentence + " Jeg har ventet i over to uker nå, og sporingen viser ingenting."
                                + " Jeg trenger pakken før helgen, så jeg håper dere kan sjekke hva som har skjedd.",
                        DEFAULTS));
    }

    /** One long German turn in an English chat: read as one text it comes out German, by turns English. */
    @Test
    void aConversationIsTheLanguageOfMostOfTheTurnsThatTell() {
        String turns = String.join(
                String.valueOf(LanguageIdentifier.TURN_SEPARATOR),
                "Hi, I ordered a jacket two weeks ago and it still has not arrived, could you please tell me where it is?",
                "The tracking page has not changed since Monday and nobody has answered my email, which is frustrating.",
                "ok",
                "Das ist wirklich ärgerlich, ich warte jetzt schon seit zwei Wochen auf meine Bestellung.");
        assertEquals("en", LanguageIdentifier.identifyTurns(turns, DEFAULTS));
        assertEquals(
                "de",
                LanguageIdentifier.identifyTurns(
                        String.join(
                                String.valueOf(LanguageIdentifier.TURN_SEPARATOR),
                                "Hallo",
                                "wo bleibt",
                                "meine Bestellung"),
                        DEFAULTS),
                "no turn tells alone: the turns are read as one text");
        assertNull(LanguageIdentifier.identifyTurns("ok" + LanguageIdentifier.TURN_SEPARATOR + "👍", DEFAULTS));
        assertNull(LanguageIdentifier.identifyTurns("", DEFAULTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "👍👍", "#84231519", "Danke!", "merci", "", "   "})
    void leavesTextTooShortToTellUndecided(String text) {
        assertNull(LanguageIdentifier.identify(text, DEFAULTS));
        assertNull(LanguageIdentifier.identify(null, DEFAULTS));
    }

    @Test
    void aDemandingLeadLeavesCloseCallsUndecided() {
        String mixed = "Hallo, my order ist nicht angekommen, please help";
        LanguageSettings strict =
                PipelineConfig.defaults().with("language.min_lead", "40").language();
        assertNull(LanguageIdentifier.identify(mixed, strict));
        assertEquals("de", LanguageIdentifier.identify(GERMAN_PAGE, strict), "a long text leads by more");
    }

    @Test
    void rejectsALanguageLinguaDoesNotKnowWhenTheSettingsLoad() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PipelineConfig.defaults().with("language.detect", "en,xx"));
        assertTrue(e.getMessage().contains("language.detect") && e.getMessage().contains("'xx'"), e.getMessage());
    }
}
