package org.csat.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the contract's message-per-row CSV ({@code --format csv}): the header row, then
 * one row per message with the conversation-level columns repeated on each, quoted as
 * RFC 4180 requires (text may hold commas, quotes and line breaks). Rows end in
 * {@code \n}; absent values are empty.
 */
final class CsvMessageSink implements TranscriptSink {
    static final String[] HEADER = {
        "conversation_id",
        "customer_id",
        "channel",
        "language",
        "started_at",
        "ts",
        "role",
        "agent_id",
        "event",
        "text",
        "topic",
        "csat"
    };
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader(HEADER)
            .setRecordSeparator("\n")
            .build();

    private final CSVPrinter csv;

    CsvMessageSink(OutputStream out) throws IOException {
        this.csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
    }

    @Override
    public void write(Conversation c) throws IOException {
        String startedAt = JsonLinesSink.instant(c.startedAt());
        String csat = c.csat() == null ? "" : c.csat().toString();
        for (Message m : c.messages()) {
            csv.printRecord(
                    c.id(),
                    c.customerId(),
                    c.channel(),
                    orEmpty(c.language()),
                    startedAt,
                    m.timestamped() ? JsonLinesSink.instant(m.at()) : "",
                    m.role(),
                    orEmpty(m.agentId()),
                    orEmpty(m.event()),
                    m.text(),
                    orEmpty(c.topic()),
                    csat);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
