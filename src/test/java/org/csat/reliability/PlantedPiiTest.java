package org.csat.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.csat.job.NightlyJob;
import org.csat.reliability.PlantedPii.Item;
import org.csat.reliability.PlantedPii.LookAlike;
import org.csat.report.RenderReport;
import org.csat.stage.Run;
import org.csat.tables.Table;
import org.csat.tables.Warehouse;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data planted in a night of chats ({@link PlantedPii}: 240 items in messages, plus
 * topics, metadata keys and values, customer ids and a language field that carry more) goes
 * through the whole nightly job and the report; not one secret may be left in any text of
 * silver, gold, the topics table or the report. The same night carries look-alikes (order
 * numbers, dates, amounts) whose messages must reach silver unchanged; how many were changed is
 * counted per kind (the redaction's false positives) and kept low.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedPiiTest {
    private static final int ITEMS = 240;
    private static final int LOOK_ALIKES = 96;
    private static final String BOT = "Thanks, let me check that for you.";

    private final List<Item> planted = new ArrayList<>();
    private final Map<String, LookAlike> lookAlikes = new TreeMap<>();
    private final List<String> texts = new ArrayList<>();
    private final Map<String, String> silverText = new HashMap<>();
    private NightlyJob.Result result;

    @BeforeAll
    void runTheNight(@TempDir Path temp) throws Exception {
        SparkSession spark = TestSpark.session();
        Path night = Files.createDirectories(temp.resolve("in/2024-06-03"));
        // an exporter's name: a timestamp with colons, a space, '#', '%' and non-ASCII
        Files.writeString(
                night.resolve("export-2024-06-03T23:59:59 #1 100% ünï.jsonl"),
                chats(new PlantedPii(2106)),
                StandardCharsets.UTF_8);
        Warehouse warehouse = new Warehouse(spark, temp.resolve("warehouse").toString());
        LocalDate date = LocalDate.parse("2024-06-03");
        result = new NightlyJob(spark, warehouse, TestSpark.testConfig())
                .inputDir(temp.resolve("in").toString())
                .nights(date, date)
                .run(new Run("run-pii", Timestamp.from(Instant.parse("2024-06-04T02:00:00Z"))))
                .execute();
        for (Table table : List.of(
                Table.SILVER_MESSAGES,
                Table.SILVER_CONVERSATIONS,
                Table.GOLD_COHORT_DAILY,
                Table.GOLD_COHORT_COMPARISON,
                Table.GOLD_QUALITY_DROP,
                Table.GOLD_TOPIC_QUALITY,
                Table.TOPICS)) {
            for (Row row : warehouse.read(table).collectAsList()) {
                collectText(row, texts);
            }
        }
        for (Row m : warehouse.read(Table.SILVER_MESSAGES).collectAsList()) {
            silverText.put(m.<String>getAs("conversation_id") + "/" + m.<Integer>getAs("seq"), m.getAs("text"));
        }
        Path report = new RenderReport(spark, warehouse)
                .output(temp.resolve("report.html"))
                .execute();
        texts.add(Files.readString(report));
    }

    /** One JSON line per conversation: three planted items (or look-alikes) from the customer, a bot reply after each. */
    private String chats(PlantedPii pii) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        List<Item> items = pii.items(ITEMS + 40);
        List<Item> inMessages = items.subList(0, ITEMS);
        List<Item> inFields = items.subList(ITEMS, items.size());
        planted.addAll(items);
        int conversation = 0;
        for (int i = 0; i < inMessages.size(); i += 3) {
            ObjectNode chat = chat(json, "pii-" + conversation);
            ArrayNode messages = chat.putArray("messages");
            for (Item item : inMessages.subList(i, Math.min(i + 3, inMessages.size()))) {
                item.messages().forEach(text -> message(messages, "customer", text));
                message(messages, conversation % 4 == 0 ? "agent" : "bot", BOT);
            }
            if (conversation < inFields.size() / 2) {
                Item inTopic = inFields.get(2 * conversation);
                Item inMetadata = inFields.get(2 * conversation + 1);
                chat.put("topic", "refund " + String.join(" ", inTopic.messages()));
                chat.putObject("metadata")
                        .put(String.join(" ", inMetadata.messages()), "vip")
                        .put("note", "customer wrote " + String.join(" ", inMetadata.messages()));
            }
            if (conversation % 10 == 3) {
                String mailbox = "cust." + conversation + "@example.com";
                chat.put("customer_id", mailbox);
                planted.add(new Item("e-mail as customer id", List.of(), mailbox, false));
            }
            if (conversation == 7) {
                chat.put("language", "see anna.lind4711@example.com");
                planted.add(new Item("e-mail in language", List.of(), "anna.lind4711", false));
            }
            out.append(json.writeValueAsString(chat)).append('\n');
            conversation++;
        }
        List<LookAlike> alikes = pii.lookAlikes(LOOK_ALIKES);
        for (int i = 0; i < alikes.size(); i += 3) {
            String id = "lookalike-" + i;
            ObjectNode chat = chat(json, id);
            ArrayNode messages = chat.putArray("messages");
            for (LookAlike alike : alikes.subList(i, Math.min(i + 3, alikes.size()))) {
                lookAlikes.put(id + "/" + messages.size(), alike);
                message(messages, "customer", alike.text());
                message(messages, "bot", BOT);
            }
            out.append(json.writeValueAsString(chat)).append('\n');
        }
        return out.toString();
    }

    private static ObjectNode chat(ObjectMapper json, String id) {
        ObjectNode chat = json.createObjectNode();
        chat.put("conversation_id", id);
        chat.put("customer_id", "cust-" + id);
        chat.put("started_at", "2024-06-03T10:00:00Z");
        return chat;
    }

    private static void message(ArrayNode messages, String role, String text) {
        messages.addObject()
                .put("ts", "2024-06-03T10:00:" + String.format("%02d", messages.size()) + "Z")
                .put("role", role)
                .put("text", text);
    }

    @Test
    void aNightFromAFileWithAnOddNameWritesEveryTable() {
        assertEquals(0, result.ingest().recordsQuarantined());
        for (Table table : List.of(
                Table.BRONZE_CONVERSATIONS,
                Table.SILVER_MESSAGES,
                Table.SILVER_CONVERSATIONS,
                Table.GOLD_COHORT_DAILY,
                Table.GOLD_COHORT_COMPARISON,
                Table.GOLD_QUALITY_DROP)) {
            assertTrue(result.rowsWritten().getOrDefault(table, 0L) > 0, table + " written");
        }
    }

    @Test
    void atLeast200PlantedItemsOfEveryKindAreWritten() {
        assertTrue(planted.size() >= 200, planted.size() + " items");
        Map<String, Integer> byKind = new TreeMap<>();
        planted.forEach(i -> byKind.merge(i.kind(), 1, Integer::sum));
        assertTrue(
                byKind.keySet().containsAll(List.of("e-mail", "phone", "card", "IBAN", "handle", "link")),
                byKind.toString());
    }

    @Test
    void noPlantedSecretIsLeftInSilverGoldOrTheReport() {
        List<String> left = new ArrayList<>();
        for (Item item : planted) {
            String secret = item.secret().toLowerCase(Locale.ROOT);
            for (String text : texts) {
                boolean found = item.digitsOnly()
                        ? PlantedPii.digitsOf(text).contains(secret)
                        : text.toLowerCase(Locale.ROOT).contains(secret);
                if (found) {
                    left.add(item.kind() + " " + item.messages() + " in: " + abbreviate(text));
                    break;
                }
            }
        }
        assertEquals(List.of(), left, left.size() + " of " + planted.size() + " planted items left");
    }

    @Test
    void orderNumbersDatesAndAmountsReachSilverUnchanged() {
        Map<String, int[]> changedOfKind = new TreeMap<>();
        List<String> changed = new ArrayList<>();
        lookAlikes.forEach((key, alike) -> {
            int[] counts = changedOfKind.computeIfAbsent(alike.kind(), k -> new int[2]);
            counts[1]++;
            if (!alike.text().equals(silverText.get(key))) {
                counts[0]++;
                changed.add(alike.text() + " -> " + silverText.get(key));
            }
        });
        StringBuilder summary = new StringBuilder("false positives:");
        changedOfKind.forEach((kind, c) -> summary.append(' ')
                .append(kind)
                .append(' ')
                .append(c[0])
                .append('/')
                .append(c[1]));
        System.out.println(summary);
        assertEquals(List.of(), changed, summary.toString());
    }

    private static void collectText(Object value, List<String> out) {
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof Row row) {
            for (int i = 0; i < row.size(); i++) {
                collectText(row.get(i), out);
            }
        } else if (value instanceof scala.collection.Map<?, ?> map) {
            scala.jdk.javaapi.CollectionConverters.asJava(map).forEach((k, v) -> {
                collectText(k, out);
                collectText(v, out);
            });
        } else if (value instanceof scala.collection.Iterable<?> items) {
            scala.jdk.javaapi.CollectionConverters.asJava(items).forEach(item -> collectText(item, out));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
