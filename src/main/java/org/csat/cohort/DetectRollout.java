package org.csat.cohort;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.config.ComparisonSettings;

/**
 * Finds the bot rollout date: {@code cohort.rollout_date} when set, otherwise the first day
 * on which the bot answered first ({@code bot} or {@code bot_to_human}) in at least
 * {@code cohort.rollout_share_threshold} of the day's answered conversations. Empty when
 * the bot never reaches that share.
 */
final class DetectRollout {
    private ComparisonSettings settings;

    public DetectRollout settings(ComparisonSettings value) {
        if (value == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = value;
        return this;
    }

    /** The rollout date and whether it came from the settings or the data. */
    public record Rollout(LocalDate date, boolean configured) {}

    public Optional<Rollout> execute(Dataset<Row> silverConversations) {
        if (settings == null) {
            throw new IllegalStateException("settings must be set");
        }
        if (settings.rolloutDate() != null) {
            return Optional.of(new Rollout(settings.rolloutDate(), true));
        }
        Row first = silverConversations
                .where(col("handled_by").notEqual("none"))
                .groupBy("date")
                .agg(avg(when(col("handled_by").isin("bot", "bot_to_human"), 1.0)
                                .otherwise(0.0))
                        .as("bot_first_share"))
                .where(col("bot_first_share").geq(settings.rolloutShareThreshold()))
                .agg(date_format(min("date"), "yyyy-MM-dd"))
                .first();
        return first.isNullAt(0)
                ? Optional.empty()
                : Optional.of(new Rollout(LocalDate.parse(first.getString(0)), false));
    }
}
