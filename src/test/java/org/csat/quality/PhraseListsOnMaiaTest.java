package org.csat.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csat.config.PhraseLists;
import org.csat.config.PipelineConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The German, French and Portuguese phrase lists against the English ones on real support
 * chats: MAIA's test split pairs every chat sentence with its English translation, so a
 * signal found in one language should be found in the other. Translations are free, so
 * agreement is never perfect; the floors say the lists catch the same moments. Customer
 * sentences for the customer signals, agent sentences for {@code closing_offer}. The lists
 * were written and extended on MAIA's train split only.
 */
class PhraseListsOnMaiaTest {
    private static final PhraseLists PHRASES = PipelineConfig.defaults().phrases();

    private record Agreement(int both, int onlyThere, int onlyEnglish) {
        double precision() {
            return both / (double) Math.max(1, both + onlyThere);
        }

        double recall() {
            return both / (double) Math.max(1, both + onlyEnglish);
        }

        double f1() {
            return 2 * precision() * recall() / Math.max(1e-9, precision() + recall());
        }
    }

    /** Sentences of one speaker, as (original, English), chats grouped by doc_id in file order. */
    private static Map<String, List<String[]>> chats(String file, String language, String speaker) throws Exception {
        Path maia = Path.of(System.getProperty("csat.shared.dir", "../shared"), "datasets", "maia", file);
        assumeTrue(Files.isRegularFile(maia), "the shared MAIA data is not here: " + maia);
        Map<String, List<String[]>> chats = new LinkedHashMap<>();
        for (JsonNode sentence : new ObjectMapper().readTree(maia.toFile())) {
            String english = sentence.get("en").asText();
            if (english.startsWith(speaker + ":")) {
                chats.computeIfAbsent(sentence.get("doc_id").asText(), id -> new ArrayList<>())
                        .add(new String[] {
                            sentence.get(language).asText().replaceFirst("^[^:]*:", ""),
                            english.substring(speaker.length() + 1)
                        });
            }
        }
        return chats;
    }

    private static Agreement agreement(Map<String, List<String[]>> chats, String signal, String language) {
        int both = 0;
        int onlyThere = 0;
        int onlyEnglish = 0;
        for (List<String[]> chat : chats.values()) {
            for (String[] pair : chat) {
                boolean there = PHRASES.matches(signal, language, pair[0]);
                boolean english = PHRASES.matches(signal, "en", pair[1]);
                both += there && english ? 1 : 0;
                onlyThere += there && !english ? 1 : 0;
                onlyEnglish += english && !there ? 1 : 0;
            }
        }
        return new Agreement(both, onlyThere, onlyEnglish);
    }

    @ParameterizedTest
    @CsvSource({
        "MAIA-de-en-test_sentence.json, de, de",
        "MAIA-fr-en-test_sentence.json, fr, fr",
        "MAIA-pt_br-en-test_sentence.json, pt_br, pt-BR"
    })
    void customerSignalsAgreeWithTheEnglishTranslation(String file, String field, String language) throws Exception {
        Map<String, List<String[]>> customer = chats(file, field, "Customer");
        assertTrue(customer.size() > 50, "chats rebuilt from " + file + ": " + customer.size());
        Agreement thanks = agreement(customer, "gratitude", language);
        assertTrue(thanks.both() > 50 && thanks.precision() >= 0.9 && thanks.recall() >= 0.8, "gratitude " + thanks);
        Agreement unresolved = agreement(customer, "unresolved", language);
        assertTrue(unresolved.both() >= 8 && unresolved.f1() >= 0.55, "unresolved " + unresolved);
        Agreement confirmed = agreement(customer, "resolution_confirmed", language);
        assertTrue(confirmed.both() >= 8 && confirmed.recall() >= 0.6, "resolution_confirmed " + confirmed);
        Agreement wrapUp = agreement(chats(file, field, "Agent"), "closing_offer", language);
        assertTrue(wrapUp.both() >= 40 && wrapUp.f1() >= 0.55, "closing_offer " + wrapUp);
    }
}
