package org.csat.config;

import java.io.Serializable;
import java.util.List;

/** How bin/csat's embedded Spark runs: {@code spark.*}. spark-submit's own values win over both. */
public record SparkSettings(String master, int shufflePartitions) implements Serializable {
    static final Setting<String> MASTER = Setting.text(
            "spark.master",
            "local[*]",
            "Spark master for bin/csat's embedded runs. Ignored when spark-submit supplies one.");
    static final Setting<Integer> SHUFFLE_PARTITIONS = Setting.wholeNumber(
            "spark.sql.shuffle.partitions",
            8,
            1,
            Integer.MAX_VALUE,
            "Shuffle partitions: small for one machine; raise it on a cluster.");

    static final List<Setting<?>> DECLARED = List.of(MASTER, SHUFFLE_PARTITIONS);

    static SparkSettings from(PipelineConfig config) {
        return new SparkSettings(config.get(MASTER), config.get(SHUFFLE_PARTITIONS));
    }
}
