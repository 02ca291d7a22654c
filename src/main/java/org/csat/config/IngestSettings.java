package org.csat.config;

import java.io.Serializable;
import java.util.List;

/** What ingest accepts: {@code ingest.*}. */
public record IngestSettings(int maxMessageChars, int maxRecordChars) implements Serializable {
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

    static final List<Setting<?>> DECLARED = List.of(MAX_MESSAGE_CHARS, MAX_RECORD_CHARS);

    static IngestSettings from(PipelineConfig config) {
        return new IngestSettings(config.get(MAX_MESSAGE_CHARS), config.get(MAX_RECORD_CHARS));
    }
}
