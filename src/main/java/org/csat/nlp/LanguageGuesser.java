package org.csat.nlp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.csat.text.TextNormalizer;

/**
 * Guesses a conversation's language when the source gives none, from the customer's own
 * words: each language scores the tokens that are among its most frequent function words
 * (articles, pronouns, auxiliaries), and the top language wins when it has at least
 * {@code language.min_confidence} of all hits; otherwise the answer is {@code und}.
 * Transparent and dependency-free; good on whole conversations, not on a lone "ok".
 */
final class LanguageGuesser {
    public static final String UNDETERMINED = "und";

    private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

    static {
        FUNCTION_WORDS.put(
                "en",
                words(
                        "the", "and", "is", "it", "to", "my", "i", "you", "of", "a", "in", "have", "was", "not", "this",
                        "that", "for", "with", "can", "please", "me", "what", "where", "why", "are", "be", "do", "did",
                        "your", "thanks", "thank", "hi", "hello", "no", "yes", "still", "why", "how"));
        FUNCTION_WORDS.put(
                "de",
                words(
                        "der", "die", "das", "und", "ist", "ich", "nicht", "ein", "eine", "mit", "mein", "meine", "sie",
                        "wir", "es", "zu", "auf", "fur", "wurde", "habe", "hallo", "danke", "bitte", "noch", "ja",
                        "nein", "kann", "wie", "was", "warum", "wo", "dem", "den", "auch", "sich", "aber"));
        FUNCTION_WORDS.put(
                "fr",
                words(
                        "le",
                        "la",
                        "les",
                        "et",
                        "est",
                        "je",
                        "ne",
                        "pas",
                        "un",
                        "une",
                        "mon",
                        "ma",
                        "mes",
                        "vous",
                        "nous",
                        "de",
                        "du",
                        "des",
                        "pour",
                        "avec",
                        "bonjour",
                        "merci",
                        "oui",
                        "non",
                        "ai",
                        "suis",
                        "que",
                        "qui",
                        "quoi",
                        "pourquoi",
                        "toujours",
                        "encore",
                        "il",
                        "elle",
                        "ce",
                        "cette"));
        FUNCTION_WORDS.put(
                "es",
                words(
                        "el", "la", "los", "las", "y", "es", "yo", "no", "un", "una", "mi", "mis", "usted", "de", "del",
                        "para", "con", "hola", "gracias", "si", "por", "que", "todavia", "pedido", "tengo", "esta",
                        "estoy", "como", "donde", "porque", "pero", "se", "lo", "me", "ayuda"));
        FUNCTION_WORDS.put(
                "sv",
                words(
                        "och",
                        "det",
                        "att",
                        "jag",
                        "inte",
                        "en",
                        "ett",
                        "min",
                        "mitt",
                        "mina",
                        "ni",
                        "vi",
                        "du",
                        "med",
                        "for",
                        "pa",
                        "ar",
                        "har",
                        "hej",
                        "tack",
                        "ja",
                        "nej",
                        "kan",
                        "var",
                        "varfor",
                        "hur",
                        "fortfarande",
                        "den",
                        "som",
                        "till",
                        "av",
                        "om",
                        "men",
                        "mig"));
        FUNCTION_WORDS.put(
                "pt",
                words(
                        "o",
                        "a",
                        "os",
                        "as",
                        "e",
                        "eu",
                        "nao",
                        "um",
                        "uma",
                        "meu",
                        "minha",
                        "voce",
                        "de",
                        "do",
                        "da",
                        "para",
                        "com",
                        "ola",
                        "obrigado",
                        "obrigada",
                        "sim",
                        "por",
                        "que",
                        "ainda",
                        "esta",
                        "estou",
                        "como",
                        "onde",
                        "porque",
                        "mas",
                        "se",
                        "foi",
                        "no",
                        "na",
                        "pedido"));
        FUNCTION_WORDS.put(
                "nl",
                words(
                        "de", "het", "een", "en", "is", "ik", "niet", "mijn", "jij", "u", "we", "van", "voor", "met",
                        "hallo", "dank", "bedankt", "ja", "nee", "kan", "waar", "waarom", "nog", "heb", "dat", "die",
                        "maar", "op", "te", "zijn", "wat"));
        FUNCTION_WORDS.put(
                "it",
                words(
                        "il", "lo", "la", "gli", "le", "e", "io", "non", "un", "una", "mio", "mia", "lei", "di", "del",
                        "della", "per", "con", "ciao", "grazie", "si", "che", "ancora", "sono", "come", "dove",
                        "perche", "ma", "ho", "questo", "ordine"));
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    private LanguageGuesser() {}

    public static String guess(String text, double minConfidence) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return UNDETERMINED;
        }
        Map<String, Integer> hits = new LinkedHashMap<>();
        int total = 0;
        for (String token : normalized.split(" ")) {
            for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
                if (language.getValue().contains(token)) {
                    hits.merge(language.getKey(), 1, Integer::sum);
                    total++;
                }
            }
        }
        String best = UNDETERMINED;
        int bestHits = 0;
        for (Map.Entry<String, Integer> entry : hits.entrySet()) {
            if (entry.getValue() > bestHits) {
                best = entry.getKey();
                bestHits = entry.getValue();
            }
        }
        return bestHits > 0 && bestHits >= minConfidence * total ? best : UNDETERMINED;
    }
}
