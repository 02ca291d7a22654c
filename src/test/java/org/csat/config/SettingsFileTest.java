package org.csat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** conf/csat.properties is the declarations' rendering, and what the declarations check. */
class SettingsFileTest {
    @Test
    void confFileIsTheRenderingOfTheDeclarations() throws Exception {
        assertEquals(
                Settings.render(null),
                Files.readString(Path.of("conf/csat.properties")),
                "conf/csat.properties is generated: bin/csat settings > conf/csat.properties");
    }

    @Test
    void everyDeclaredDefaultLoadsAndTheFileAsAnOverrideChangesNothing() throws Exception {
        Properties file = new Properties();
        try (var in = Files.newBufferedReader(Path.of("conf/csat.properties"))) {
            file.load(in);
        }
        assertEquals(Settings.byKey().keySet(), file.stringPropertyNames());
        PipelineConfig defaults = PipelineConfig.defaults();
        PipelineConfig fromFile = PipelineConfig.load(Path.of("conf/csat.properties"), Map.of());
        assertEquals(defaults.comparison(), fromFile.comparison());
        assertEquals(defaults.quality(), fromFile.quality());
        assertEquals(defaults.sentiment(), fromFile.sentiment());
    }

    @Test
    void valuesOutOfRangeFailAtLoadNamingTheKeyAndTheRule() {
        IllegalArgumentException share = assertThrows(
                IllegalArgumentException.class,
                () -> PipelineConfig.load(null, Map.of("quality.csat_model.test_fraction", "1")));
        assertEquals("setting quality.csat_model.test_fraction must be in (0, 1), got '1'", share.getMessage());
        IllegalArgumentException trims = assertThrows(
                IllegalArgumentException.class,
                () -> PipelineConfig.load(null, Map.of("cohort.ipw_trim_low", "0.5", "cohort.ipw_trim_high", "0.4")));
        assertTrue(trims.getMessage().startsWith("cohort.ipw_trim_low/high must satisfy"), trims.getMessage());
        IllegalArgumentException method = assertThrows(
                IllegalArgumentException.class,
                () -> PipelineConfig.load(null, Map.of("cohort.primary_method", "magic")));
        assertEquals("setting cohort.primary_method must be one of stratified, ipw, got 'magic'", method.getMessage());
        IllegalArgumentException hex = assertThrows(
                IllegalArgumentException.class,
                () -> PipelineConfig.load(null, Map.of("cohort.confidence_level", "0x1p-1")));
        assertTrue(hex.getMessage().contains("must be a decimal number"), hex.getMessage());
    }

    @Test
    void typedRecordsCarryTheValues() {
        PipelineConfig config = PipelineConfig.load(
                null, Map.of("quality.repeat_window_days", "3", "cohort.rollout_date", "2024-03-01"));
        assertEquals(3, config.quality().repeatWindowDays());
        assertEquals(
                java.time.LocalDate.parse("2024-03-01"), config.comparison().rolloutDate());
        assertEquals(
                java.util.List.of(0.01, 0.03, 0.1, 0.3, 1.0),
                config.quality().csatModel().regParams());
    }
}
