package org.csat.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {
    private static String guess(String text) {
        return LanguageGuesser.guess(text, 0.5);
    }

    @Test
    void guessesWholeCustomerTurns() {
        assertEquals("en", guess("Hi, where is my order? I paid for it last week and it has not arrived."));
        assertEquals("de", guess("Hallo, wo ist meine Bestellung? Ich habe sie noch nicht bekommen."));
        assertEquals("fr", guess("Bonjour, je n'ai pas reçu ma commande et je suis toujours sans nouvelles."));
        assertEquals("es", guess("Hola, mi pedido no ha llegado todavía y necesito ayuda por favor."));
        assertEquals("sv", guess("Hej, jag har inte fått min beställning och det är fortfarande inte klart."));
        assertEquals("pt", guess("Olá, eu ainda não recebi o meu pedido e preciso de ajuda com isso."));
    }

    @Test
    void saysUndeterminedRatherThanGuessing() {
        assertEquals("und", guess(""));
        assertEquals("und", guess("12345 #84231519 👍"));
        assertEquals("und", guess(null));
    }
}
