package org.csat.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Repeat contacts within a 7-day window, on the same or another topic, and the status precedence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectRepeatContactsTest {
    private static final StructType ROWS = new StructType()
            .add("conversation_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("started_at", DataTypes.TimestampType)
            .add("ended_at", DataTypes.TimestampType)
            .add("topic", DataTypes.StringType)
            .add("topic_cluster", DataTypes.IntegerType)
            .add("resolution_status", DataTypes.StringType)
            .add("resolved", DataTypes.BooleanType)
            .add("repeat_contact", DataTypes.BooleanType)
            .add("repeat_contact_same_topic", DataTypes.BooleanType)
            .add("resolution_rule", DataTypes.StringType)
            .add("resolution_evidence", DataTypes.StringType);
    private final Map<String, Row> byId = new HashMap<>();

    private static Row row(String id, String customer, double day, String topic, Integer cluster, String status) {
        Timestamp start = Timestamp.from(Instant.parse("2024-03-01T10:00:00Z").plusSeconds((long) (day * 86_400)));
        Timestamp end = new Timestamp(start.getTime() + 600_000);
        String rule = status.equals("confirmed") ? "customer_accepted" : "answered";
        return RowFactory.create(
                id, customer, start, end, topic, cluster, status, true, null, null, rule, "evidence of " + id);
    }

    @BeforeAll
    void detect() {
        Dataset<Row> rows = TestSpark.session()
                .createDataFrame(
                        List.of(
                                row("a1", "cust-a", 0, "Refund", null, "confirmed"),
                                row("a2", "cust-a", 3, "refund ", null, "assumed"),
                                row("b1", "cust-b", 0, "refund", null, "assumed"),
                                row("b2", "cust-b", 7.5, "refund", null, "assumed"),
                                row("c1", "cust-c", 0, null, 2, "assumed"),
                                row("c2", "cust-c", 2, null, 5, "assumed"),
                                row("d1", "cust-d", 0, "card", null, "abandoned"),
                                row("d2", "cust-d", 1, null, 4, "escalated"),
                                row("e1", null, 0, "refund", null, "assumed"),
                                row("e2", null, 1, "refund", null, "assumed")),
                        ROWS);
        new DetectRepeatContacts(7)
                .apply(rows, rows)
                .collectAsList()
                .forEach(r -> byId.put(r.getAs("conversation_id"), r));
    }

    @Test
    void aReturnWithinTheWindowIsARepeatContact() {
        Row a1 = byId.get("a1");
        assertTrue(a1.<Boolean>getAs("repeat_contact"));
        assertTrue(
                a1.<Boolean>getAs("repeat_contact_same_topic"), "source topics compared case-insensitively, trimmed");
        assertEquals("repeat_contact", a1.getAs("resolution_status"), "a return outweighs the thanks");
        assertFalse(a1.<Boolean>getAs("resolved"));
        assertEquals("repeat_contact", a1.getAs("resolution_rule"));
        assertEquals(
                "the same customer came back within the repeat window; evidence of a1",
                a1.getAs("resolution_evidence"),
                "the return first, then what the transcript showed");
        assertEquals("evidence of a2", byId.get("a2").getAs("resolution_evidence"));
        assertFalse(byId.get("a2").<Boolean>getAs("repeat_contact"), "the last contact has no return (yet)");
        assertNull(byId.get("a2").getAs("repeat_contact_same_topic"));
        assertEquals("assumed", byId.get("a2").getAs("resolution_status"));
    }

    @Test
    void aReturnAfterTheWindowIsNot() {
        assertFalse(byId.get("b1").<Boolean>getAs("repeat_contact"), "7.5 days later, 7-day window");
    }

    @Test
    void withoutSourceTopicsClustersAreCompared() {
        assertTrue(byId.get("c1").<Boolean>getAs("repeat_contact"));
        assertFalse(byId.get("c1").<Boolean>getAs("repeat_contact_same_topic"));
        assertNull(
                byId.get("d1").getAs("repeat_contact_same_topic"),
                "a topic on one side, a cluster on the other: unknown");
    }

    @Test
    void abandonedStaysAbandoned() {
        assertTrue(byId.get("d1").<Boolean>getAs("repeat_contact"));
        assertEquals("abandoned", byId.get("d1").getAs("resolution_status"));
    }

    @Test
    void withoutACustomerIdNothingCanBeLinked() {
        assertNull(byId.get("e1").getAs("repeat_contact"));
        assertEquals("assumed", byId.get("e1").getAs("resolution_status"));
        assertTrue(byId.get("e1").<Boolean>getAs("resolved"));
    }
}
