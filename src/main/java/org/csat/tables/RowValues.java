package org.csat.tables;

import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Converts Java collections into the Scala ones Spark's Row encoder expects for array and
 * map columns (it rejects java.util.List and java.util.Map).
 */
public final class RowValues {
    private RowValues() {}

    public static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return list == null ? null : CollectionConverters.asScala(list).toList();
    }

    public static <K, V> scala.collection.immutable.Map<K, V> map(Map<K, V> map) {
        return map == null ? null : scala.collection.immutable.Map.from(CollectionConverters.asScala(map));
    }
}
