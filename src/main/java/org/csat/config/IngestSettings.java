package org.csat.config;

import java.io.Serializable;
import java.util.List;

/** What ingest accepts: {@code ingest.*}. */
public record IngestSettings(int maxMessageChars, int maxRecordChars, double maxQuarantineShare)
        implements Serializable {
    static final Setting<Integer> MAX_MESSAGE_CHARS = Setting.wholeNumber(
            "ingest.max_message_chars",
            20_000,
            1,
            Integer.MAX_VALUE,
            "Messages longer than this (characters) are quarantined as oversize.");
    static final Setting<Integer> MAX_RECORD_CHARS = Setting.wholeNumber(
            "ingest.max_record_chars",
            2_000_000,
            1,
            Integer.MAX_VALUE,
            "Records (JSON lines / CSV rows) longer than this are quarantined unread.");

    static final Setting<Double> MAX_QUARANTINE_SHARE = Setting.number(
            "ingest.max_quarantine_share",
            "0.05",
            0,
            1,
            "Above this share of a run's records quarantined, the run still writes every table but ends with"
                    + " status quarantine_above_limit and exit code 4, so the scheduler can alert on a broken export;"
                    + " 1 never alerts.");

    static final List<Setting<?>> DECLARED = List.of(MAX_MESSAGE_CHARS, MAX_RECORD_CHARS, MAX_QUARANTINE_SHARE);

    static IngestSettings from(PipelineConfig config) {
        return new IngestSettings(
                config.get(MAX_MESSAGE_CHARS), config.get(MAX_RECORD_CHARS), config.get(MAX_QUARANTINE_SHARE));
    }
}
