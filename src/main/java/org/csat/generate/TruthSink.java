package org.csat.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the ground truth ({@code --truth FILE}): one JSON line per conversation, in the
 * order the conversations were written, with the labels of {@link GroundTruth}.
 */
final class TruthSink implements Closeable {
    private final JsonGenerator json;

    TruthSink(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.json = JsonLinesSink.JSON.createGenerator(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8);
    }

    void write(GroundTruth t) throws IOException {
        json.writeStartObject();
        json.writeStringField("conversation_id", t.conversationId());
        json.writeStringField("customer_id", t.customerId());
        json.writeStringField("topic", t.topic().label());
        json.writeStringField("complexity", t.topic().complexity().label());
        json.writeStringField("mood", label(t.mood()));
        json.writeBooleanField("bot_first", t.botFirst());
        json.writeStringField("handling", label(t.handling()));
        json.writeBooleanField("resolved", t.resolved());
        json.writeStringField("ending", label(t.ending()));
        json.writeBooleanField("handoff_event", t.handoffEvent());
        json.writeNumberField("bot_fallbacks", t.botFallbacks());
        json.writeBooleanField("asked_for_human", t.askedForHuman());
        if (t.repeatOf() != null) {
            json.writeStringField("repeat_of", t.repeatOf());
        }
        json.writeArrayFieldStart("pii");
        for (String kind : t.pii()) {
            json.writeString(kind);
        }
        json.writeEndArray();
        json.writeBooleanField("surveyed", t.surveyed());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
