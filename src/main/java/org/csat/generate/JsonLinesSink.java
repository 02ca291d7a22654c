package org.csat.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

/**
 * Writes conversations as JSON Lines ({@code --format jsonl} or {@code jsonl.gz}): one
 * object per line, UTF-8, {@code \n} after each, fields in a fixed order, absent
 * optional fields left out. Timestamps are ISO-8601 instants in UTC.
 */
final class JsonLinesSink implements TranscriptSink {
    /** No separator between root values (each line ends in our own newline); emoji as raw UTF-8, not escaped pairs. */
    static final JsonFactory JSON = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final JsonGenerator json;

    JsonLinesSink(OutputStream out) throws IOException {
        this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
    }

    @Override
    public void write(Conversation c) throws IOException {
        json.writeStartObject();
        json.writeStringField("conversation_id", c.id());
        json.writeStringField("customer_id", c.customerId());
        json.writeStringField("channel", c.channel());
        optional("language", c.language());
        json.writeStringField("started_at", instant(c.startedAt()));
        if (c.endedAt() != null) {
            json.writeStringField("ended_at", instant(c.endedAt()));
        }
        optional("topic", c.topic());
        if (c.csat() != null) {
            json.writeNumberField("csat", c.csat());
        }
        json.writeArrayFieldStart("messages");
        for (Message m : c.messages()) {
            json.writeStartObject();
            if (m.timestamped()) {
                json.writeStringField("ts", instant(m.at()));
            }
            json.writeStringField("role", m.role());
            optional("agent_id", m.agentId());
            optional("event", m.event());
            json.writeStringField("text", m.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (c.metadata() != null) {
            json.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> entry : c.metadata().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    private void optional(String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    static String instant(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }
}
