package org.csat.config;

import java.io.Serializable;
import java.util.List;

/**
 * Where the tables are named: {@code catalog.*}. Every table is registered in this database of
 * the session's catalog ({@code csat.silver_conversations}); bin/csat's embedded runs keep that
 * catalog in a metastore inside the warehouse, and under spark-submit it is the cluster's.
 */
public record CatalogSettings(String database) implements Serializable {
    static final Setting<String> DATABASE = Setting.identifier(
            "catalog.database",
            "csat",
            "Database of the Spark catalog in which every table is registered by name (csat.gold_quality_drop)."
                    + " Give each warehouse that shares a metastore its own database.");

    static final List<Setting<?>> DECLARED = List.of(DATABASE);

    static CatalogSettings from(PipelineConfig config) {
        return new CatalogSettings(config.get(DATABASE));
    }
}
