package org.csat.generate;

import java.util.Locale;

/**
 * How hard a contact reason is to resolve: the stratum that the bot's share of first
 * turns and its resolution penalty are set by ({@code --bot-share}, {@code --bot-penalty}).
 */
public enum Complexity {
    LOW,
    MEDIUM,
    HIGH;

    /** The band as written in reports and tests: {@code low}, {@code medium}, {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code low}, {@code medium} or {@code high} (any case). */
    public static Complexity fromLabel(String label) {
        for (Complexity band : values()) {
            if (band.label().equalsIgnoreCase(label.trim())) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown complexity band '" + label + "', expected low, medium or high");
    }
}
