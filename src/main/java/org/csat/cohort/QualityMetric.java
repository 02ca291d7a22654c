package org.csat.cohort;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * One quality metric of the comparison: its name in the gold tables, the silver columns it
 * can be read from (first present wins, so a better column takes over as soon as it exists),
 * whether it is a rate of a boolean, a mean of a number or a rate only the bot can have, and
 * which direction is good for the customer. {@code label} names it in a short verdict ("resolved"); {@code phrase} in a
 * sentence ("resolve the contact").
 */
public record QualityMetric(
        String name, List<String> columns, Kind kind, boolean higherIsBetter, String label, String phrase)
        implements Serializable {

    public enum Kind {
        /** Share of true among the non-null booleans, reported in percentage points. */
        RATE,
        /** Mean of the non-null numbers, reported in the column's unit. */
        MEAN,
        /**
         * A rate that is zero for human-first conversations by construction (a customer asks for
         * a human only while a bot answers): stated as the bot-first rate with its interval,
         * never as a gap against a baseline of zero.
         */
        BOT_ONLY_RATE
    }

    public QualityMetric {
        columns = List.copyOf(columns);
    }

    /** The first of {@link #columns()} present in {@code schema}. */
    public Optional<String> sourceIn(StructType schema) {
        List<String> present = List.of(schema.fieldNames());
        return columns.stream().filter(present::contains).findFirst();
    }

    public String direction() {
        return higherIsBetter ? "higher is better" : "lower is better";
    }

    public boolean isRate() {
        return kind != Kind.MEAN;
    }

    public boolean isBotOnly() {
        return kind == Kind.BOT_ONLY_RATE;
    }
}
