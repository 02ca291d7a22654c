package org.csat.quality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.tables.TableSchemas;

/**
 * A hand-built conversation for tests, as silver_messages rows (sentiment given, not scored,
 * so no CoreNLP runs) and the conversation fields that bronze carries.
 */
final class Chat {
    static final Instant DAY_ONE = Instant.parse("2024-03-01T09:00:00Z");
    static final StructType CONVERSATION = new StructType()
            .add("conversation_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("channel", DataTypes.StringType)
            .add("started_at", DataTypes.TimestampType)
            .add("ended_at", DataTypes.TimestampType)
            .add("topic", DataTypes.StringType)
            .add("language", DataTypes.StringType)
            .add("language_source", DataTypes.StringType)
            .add("detected_language", DataTypes.StringType)
            .add("csat", DataTypes.IntegerType)
            .add("metadata", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

    private record Message(long second, String role, String text, String event, Double sentiment) {}

    final String id;
    private String customer;
    private String language = "en";
    private String topic;
    private Integer csat;
    private Map<String, String> metadata;
    private Instant start = DAY_ONE;
    private final List<Message> messages = new ArrayList<>();

    private Chat(String id) {
        this.id = id;
    }

    static Chat chat(String id) {
        return new Chat(id).customer("cust-" + id);
    }

    Chat customer(String customerId) {
        this.customer = customerId;
        return this;
    }

    Chat language(String language) {
        this.language = language;
        return this;
    }

    Chat topic(String topic) {
        this.topic = topic;
        return this;
    }

    Chat csat(Integer csat) {
        this.csat = csat;
        return this;
    }

    /** A person's resolution label in the metadata, under {@code key}. */
    Chat label(String key, boolean resolved) {
        this.metadata = Map.of(key, Boolean.toString(resolved));
        return this;
    }

    Chat startingAt(Instant start) {
        this.start = start;
        return this;
    }

    Chat daysLater(double days) {
        return startingAt(DAY_ONE.plusSeconds((long) (days * 86_400)));
    }

    /** A message {@code second}s after the start. */
    Chat say(long second, String role, String text) {
        return say(second, role, text, null);
    }

    Chat say(long second, String role, String text, Double sentiment) {
        messages.add(new Message(second, role, text, null, sentiment));
        return this;
    }

    Chat event(long second, String event) {
        messages.add(new Message(second, "system", "event " + event, event, null));
        return this;
    }

    private Timestamp at(long second) {
        return Timestamp.from(start.plusSeconds(second));
    }

    Row conversationRow() {
        long last = messages.stream().mapToLong(Message::second).max().orElse(0);
        return RowFactory.create(
                id,
                customer,
                "chat",
                at(0),
                at(last),
                topic,
                language,
                "source",
                language,
                csat,
                metadata == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(metadata));
    }

    List<Row> messageRows() {
        List<Row> rows = new ArrayList<>();
        Date date = Date.valueOf(start.atZone(ZoneOffset.UTC).toLocalDate());
        for (int seq = 0; seq < messages.size(); seq++) {
            Message m = messages.get(seq);
            rows.add(RowFactory.create(
                    id,
                    seq,
                    at(m.second()),
                    date,
                    m.role(),
                    null,
                    m.event(),
                    m.text(),
                    language,
                    m.sentiment(),
                    null,
                    1,
                    m.sentiment() == null ? 0 : 1,
                    m.sentiment(),
                    null,
                    null,
                    m.sentiment() == null ? "none" : "corenlp+lexicon-en"));
        }
        return rows;
    }

    static Dataset<Row> messages(SparkSession spark, List<Chat> chats) {
        List<Row> rows = new ArrayList<>();
        chats.forEach(c -> rows.addAll(c.messageRows()));
        return spark.createDataFrame(rows, TableSchemas.SILVER_MESSAGES);
    }

    static Dataset<Row> conversations(SparkSession spark, List<Chat> chats) {
        return spark.createDataFrame(chats.stream().map(Chat::conversationRow).toList(), CONVERSATION);
    }
}
