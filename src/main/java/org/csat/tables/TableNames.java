package org.csat.tables;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * Names a warehouse's tables in a database of the session's catalog: {@code csat.silver_messages}
 * is an external table at {@code <warehouse>/silver_messages}, so dropping a name, or the
 * database, never deletes the warehouse's data. A name belongs to one warehouse: when it already points at another location that still
 * holds a Delta table (another warehouse sharing the metastore), registering fails and says so;
 * when that location holds nothing any more (the warehouse was moved or removed), the name is
 * pointed here. Registering twice changes nothing.
 */
record TableNames(SparkSession spark, Warehouse warehouse, String database) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableNames.class);

    List<String> registerAll() {
        if ("in-memory".equals(spark.conf().get("spark.sql.catalogImplementation", "in-memory"))) {
            LOG.warn(
                    "The session's catalog is Spark's in-memory one: the names in {} last as long as this session",
                    database);
        }
        if (!spark.catalog().databaseExists(database)) {
            // at the catalog's usual place, never the warehouse: DROP DATABASE ... CASCADE deletes that directory
            spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "` COMMENT 'csat-pipeline tables of "
                    + literal(warehouse.root()) + "'");
        }
        List<String> names = new ArrayList<>();
        SessionCatalog catalog = spark.sessionState().catalog();
        for (Table table : Table.values()) {
            TableIdentifier name = new TableIdentifier(table.tableName(), Option.apply(database));
            URI registered = location(catalog, name);
            if (registered == null || !sameLocation(registered, warehouse.path(table))) {
                warehouse.open(table);
                register(catalog, name, registered, table);
            }
            keepProperties(table);
            names.add(database + "." + table.tableName());
        }
        return names;
    }

    /** Sets the table's declared properties where a table made before they were declared lacks them. */
    private void keepProperties(Table table) {
        scala.collection.immutable.Map<String, String> present = DeltaLog.forTable(spark, warehouse.path(table))
                .update(false, Option.empty(), Option.empty())
                .metadata()
                .configuration();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> property : table.properties().entrySet()) {
            Option<String> value = present.get(property.getKey());
            if (value.isEmpty() || !value.get().equals(property.getValue())) {
                missing.add("'" + property.getKey() + "' = '" + property.getValue() + "'");
            }
        }
        if (!missing.isEmpty()) {
            spark.sql("ALTER TABLE delta.`" + warehouse.path(table) + "` SET TBLPROPERTIES ("
                    + String.join(", ", missing) + ")");
        }
    }

    /** Registers {@code name} for the table's path; {@code registered} is where it points now, or null. */
    private void register(SessionCatalog catalog, TableIdentifier name, URI registered, Table table) {
        String path = warehouse.path(table);
        if (registered != null) {
            if (DeltaTable.isDeltaTable(spark, registered.toString())) {
                throw new IllegalStateException(database + "." + table.tableName() + " is the table at " + registered
                        + ", not this warehouse's " + path + "; give each warehouse its own database"
                        + " (--set catalog.database=...), or drop that name if its warehouse is retired");
            }
            catalog.dropTable(name, true, false);
            LOG.warn(
                    "{}.{} named {}, which holds no table any more (a moved or removed warehouse); it now names {}",
                    database,
                    table.tableName(),
                    registered,
                    path);
        }
        try {
            spark.sql("CREATE TABLE IF NOT EXISTS `" + database + "`.`" + table.tableName() + "` USING delta LOCATION '"
                    + literal(path) + "'");
        } catch (RuntimeException e) {
            // another process registered it in between: fine if it points here
            URI now = location(catalog, name);
            if (now == null || !sameLocation(now, path)) {
                throw e;
            }
        }
    }

    /** Where the catalog's table {@code name} is, or null when there is no such table. */
    private static URI location(SessionCatalog catalog, TableIdentifier name) {
        if (!catalog.tableExists(name)) {
            return null;
        }
        try {
            return catalog.getTableRawMetadata(name).location();
        } catch (NoSuchTableException | NoSuchNamespaceException droppedMeanwhile) {
            return null;
        }
    }

    private boolean sameLocation(URI registered, String path) {
        return qualified(registered.toString()).equals(qualified(path));
    }

    private String qualified(String location) {
        Path path = new Path(location);
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration())
                    .makeQualified(path)
                    .toString()
                    .replaceAll("/+$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + location, e);
        }
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
