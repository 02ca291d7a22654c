package org.csat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table of a warehouse by name in a database of the catalog (the tests' session has a
 * Hive metastore, as bin/csat does): external tables at the warehouse's paths, with their
 * history; the silver tables with their change feed, also when made before it was declared; a
 * name that stays with its warehouse, unless that warehouse is gone.
 */
class TableNamesTest {
    private final SparkSession spark = TestSpark.session();
    private final List<String> databases = new ArrayList<>();

    @TempDir
    Path temp;

    @AfterEach
    void dropNames() {
        // names only: the tables are external, and a database's own directory lies in the test catalog
        databases.forEach(db -> spark.sql("DROP DATABASE IF EXISTS " + db + " CASCADE"));
    }

    private Warehouse warehouse(String dir, String database) {
        databases.add(database);
        return new Warehouse(spark, temp.resolve(dir).toString(), database);
    }

    @Test
    void everyTableIsNamedAtItsPathWithItsHistory() throws Exception {
        Warehouse warehouse = warehouse("wh", "names_all");
        List<String> names = warehouse.registerTables();
        assertEquals(Table.values().length, names.size());
        for (Table table : Table.values()) {
            String name = "names_all." + table.tableName();
            assertTrue(names.contains(name), name);
            assertEquals("EXTERNAL", spark.catalog().getTable(name).tableType(), name);
            assertEquals(
                    Arrays.stream(table.schema().fields())
                            .map(StructField::name)
                            .toList(),
                    List.of(spark.table(name).columns()),
                    name + " reads the table at its path");
            assertTrue(spark.sql("DESCRIBE HISTORY " + name).count() >= 1, name + " has a history");
            String location = spark.sql("DESCRIBE DETAIL " + name)
                    .select("location")
                    .first()
                    .getString(0);
            assertEquals(warehouse.path(table), location, name);
        }
        Map<String, Long> versions = versions(warehouse);
        warehouse.registerTables();
        assertEquals(versions, versions(warehouse), "registering again commits nothing");
        spark.sql("DROP DATABASE names_all CASCADE");
        assertTrue(warehouse.exists(Table.SILVER_MESSAGES), "dropping the names leaves the tables");
        databases.remove("names_all");
    }

    @Test
    void theSilverTablesRecordTheirChanges() {
        Warehouse warehouse = warehouse("wh", "names_feed");
        warehouse.registerTables();
        for (Table table : Table.values()) {
            boolean feed = table == Table.SILVER_MESSAGES || table == Table.SILVER_CONVERSATIONS;
            assertEquals(feed, changeFeed("names_feed." + table.tableName()), table.tableName());
        }
        long before = warehouse.version(Table.SILVER_CONVERSATIONS);
        warehouse.append(
                Table.SILVER_CONVERSATIONS,
                spark.table("names_feed.silver_conversations")
                        .limit(0)
                        .unionByName(spark.createDataFrame(
                                List.of(nullRowWithId(Table.SILVER_CONVERSATIONS, "c-1")),
                                Table.SILVER_CONVERSATIONS.schema())));
        List<Row> changes = spark.sql(
                        "SELECT conversation_id, _change_type FROM table_changes('names_feed.silver_conversations', "
                                + (before + 1) + ")")
                .collectAsList();
        assertEquals("[[c-1,insert]]", changes.toString(), "what the append changed, by name");
    }

    @Test
    void aSilverTableMadeBeforeTheChangeFeedGainsItOnce() {
        Warehouse warehouse = warehouse("old", "names_old");
        DeltaTable.createIfNotExists(spark)
                .location(warehouse.path(Table.SILVER_MESSAGES))
                .addColumns(Table.SILVER_MESSAGES.schema())
                .execute();
        assertFalse(changeFeed("delta.`" + warehouse.path(Table.SILVER_MESSAGES) + "`"));
        warehouse.registerTables();
        assertTrue(changeFeed("names_old.silver_messages"));
        long version = warehouse.version(Table.SILVER_MESSAGES);
        warehouse.registerTables();
        assertEquals(version, warehouse.version(Table.SILVER_MESSAGES));
    }

    @Test
    void aNameStaysWithItsWarehouseUntilThatIsGone() throws Exception {
        Warehouse first = warehouse("first", "names_shared");
        Warehouse second = warehouse("second", "names_shared");
        first.registerTables();
        IllegalStateException taken = assertThrows(IllegalStateException.class, second::registerTables);
        assertTrue(
                taken.getMessage()
                        .startsWith("names_shared.bronze_conversations is the table at "
                                + first.path(Table.BRONZE_CONVERSATIONS)),
                taken.getMessage());
        assertTrue(taken.getMessage().contains("--set catalog.database="), taken.getMessage());

        try (var files = Files.walk(temp.resolve("first"))) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
        second.registerTables();
        String location = spark.sql("DESCRIBE DETAIL names_shared.bronze_conversations")
                .select("location")
                .first()
                .getString(0);
        assertEquals(second.path(Table.BRONZE_CONVERSATIONS), location, "the moved name points at the live table");
    }

    private boolean changeFeed(String table) {
        Map<String, String> properties = spark.sql("DESCRIBE DETAIL " + table)
                .select("properties")
                .first()
                .getJavaMap(0);
        return "true".equals(properties.get("delta.enableChangeDataFeed"));
    }

    private static Map<String, Long> versions(Warehouse warehouse) {
        Map<String, Long> versions = new TreeMap<>();
        for (Table table : Table.values()) {
            versions.put(table.tableName(), warehouse.version(table));
        }
        return versions;
    }

    /** A row of {@code table}'s schema with its id set, nullable columns null and the others a plain value. */
    private static Row nullRowWithId(Table table, String id) {
        StructField[] fields = table.schema().fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals("conversation_id")) {
                values[i] = id;
            } else if (!fields[i].nullable()) {
                values[i] = plainValue(fields[i].dataType());
            }
        }
        return org.apache.spark.sql.RowFactory.create(values);
    }

    private static Object plainValue(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return "x";
        } else if (type.equals(DataTypes.LongType)) {
            return 0L;
        } else if (type.equals(DataTypes.IntegerType)) {
            return 0;
        } else if (type.equals(DataTypes.DoubleType)) {
            return 0.0;
        } else if (type.equals(DataTypes.BooleanType)) {
            return false;
        } else if (type.equals(DataTypes.TimestampType)) {
            return java.sql.Timestamp.valueOf("2024-03-01 00:00:00");
        } else if (type.equals(DataTypes.DateType)) {
            return java.sql.Date.valueOf("2024-03-01");
        } else if (type instanceof ArrayType) {
            return List.of();
        } else if (type instanceof MapType) {
            return Map.of();
        }
        throw new IllegalArgumentException("no plain value for " + type);
    }
}
