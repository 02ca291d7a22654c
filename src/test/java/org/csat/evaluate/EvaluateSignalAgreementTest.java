package org.csat.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.csat.config.PipelineConfig;
import org.csat.evaluate.EvaluateSignalAgreement.Agreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counting of {@link EvaluateSignalAgreement} on a four-sentence file in MAIA's format. */
class EvaluateSignalAgreementTest {
    @Test
    void countsCustomerSentencesWhereEitherSideFires(@TempDir Path maia) throws Exception {
        Files.writeString(maia.resolve("MAIA-de-en-test_sentence.json"), """
                [{"de": "Kunde: Vielen Dank!", "en": "Customer: Thank you!", "doc_id": "1"},
                 {"de": "Kunde: Danke, alles klar.", "en": "Customer: Okay.", "doc_id": "1"},
                 {"de": "Agent: Danke für Ihre Geduld.", "en": "Agent: Thanks for your patience.", "doc_id": "1"},
                 {"de": "Kunde: Es funktioniert immer noch nicht.", "en": "Customer: It still does not work.", "doc_id": "1"}]
                """);
        Files.writeString(maia.resolve("MAIA-de-en-train_sentence.json"), """
                [{"de": "Kunde: Danke", "en": "Customer: Thanks", "doc_id": "2"}]
                """);
        List<Agreement> agreements = EvaluateSignalAgreement.evaluate(
                maia, List.of("test"), PipelineConfig.defaults().phrases());
        assertEquals(new Agreement("de", "gratitude", 1, 1, 0), find(agreements, "gratitude"));
        assertEquals(0.5, find(agreements, "gratitude").agreement(), 1e-12);
        assertEquals(new Agreement("de", "unresolved", 1, 0, 0), find(agreements, "unresolved"));
        assertTrue(Double.isNaN(find(agreements, "asked_for_human").agreement()));
        String table = EvaluateSignalAgreement.markdown(agreements);
        assertTrue(table.contains("| gratitude | 0.50 (1 of 2; orig. only 1, English only 0) |"), table);
    }

    private static Agreement find(List<Agreement> agreements, String signal) {
        return agreements.stream()
                .filter(a -> a.signal().equals(signal))
                .findFirst()
                .orElseThrow();
    }
}
