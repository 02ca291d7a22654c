package org.csat.config;

import java.io.Serializable;
import java.util.List;

/**
 * {@code bin/csat maintain}: {@code maintain.*}. VACUUM deletes the data files that no table
 * version within the retention still reads, which also ends time travel to versions older than
 * that. Delta's safe default is 7 days ({@code delta.deletedFileRetentionDuration}): a shorter
 * retention can delete files that a run or a reader still working on an older version needs,
 * so it is refused unless {@code maintain.allow_short_retention} says it is meant.
 */
public record MaintenanceSettings(int vacuumRetentionHours, boolean allowShortRetention) implements Serializable {
    /** Delta's default retention of deleted files, {@code delta.deletedFileRetentionDuration = interval 1 week}. */
    public static final int DELTA_SAFE_RETENTION_HOURS = 168;

    static final Setting<Integer> VACUUM_RETENTION_HOURS = Setting.wholeNumber(
            "maintain.vacuum_retention_hours",
            DELTA_SAFE_RETENTION_HOURS,
            0,
            Integer.MAX_VALUE,
            "VACUUM keeps the files of every table version of the last this many hours (how far back time"
                    + " travel reaches) and deletes older unreferenced files; bin/csat maintain writes it to each"
                    + " table as delta.deletedFileRetentionDuration. Below 168 (Delta's safe default) only with"
                    + " maintain.allow_short_retention=true.");
    static final Setting<Boolean> ALLOW_SHORT_RETENTION = Setting.flag(
            "maintain.allow_short_retention",
            false,
            "true allows maintain.vacuum_retention_hours below 168: only when no run or reader can still be"
                    + " using a version that old.");

    static final List<Setting<?>> DECLARED = List.of(VACUUM_RETENTION_HOURS, ALLOW_SHORT_RETENTION);

    public MaintenanceSettings {
        if (vacuumRetentionHours < DELTA_SAFE_RETENTION_HOURS && !allowShortRetention) {
            throw new IllegalArgumentException(VACUUM_RETENTION_HOURS.key() + "=" + vacuumRetentionHours
                    + " is below Delta's safe retention of " + DELTA_SAFE_RETENTION_HOURS
                    + " hours (7 days): VACUUM could delete files a run or a reader of an older version still"
                    + " needs; raise it, or set " + ALLOW_SHORT_RETENTION.key() + "=true if that cannot happen");
        }
    }

    static MaintenanceSettings from(PipelineConfig config) {
        return new MaintenanceSettings(config.get(VACUUM_RETENTION_HOURS), config.get(ALLOW_SHORT_RETENTION));
    }
}
