package org.csat.config;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One setting, declared once: its key, its default as it is written in a properties file, what
 * it does, and how its text becomes a checked value (Hudi's {@code ConfigProperty} is the
 * model). The settings of a stage are declared as constants of that stage's settings record
 * ({@link IngestSettings}, {@link QualitySettings}, ...), {@link Settings} lists them all, and
 * {@code conf/csat.properties} is their rendering, so a key, its default and its documentation
 * live in one place. A value that does not parse or is out of range fails when the
 * configuration is loaded, naming the key, the rule and the value given.
 */
public final class Setting<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Turns a setting's text into its value; throws {@link IllegalArgumentException} saying what it expects. */
    @FunctionalInterface
    interface Parser<T> extends Serializable {
        T parse(String text);
    }

    private final String key;
    private final String defaultText;
    private final String doc;
    private final Parser<T> parser;

    private Setting(String key, String defaultText, String doc, Parser<T> parser) {
        this.key = key;
        this.defaultText = defaultText;
        this.doc = doc;
        this.parser = parser;
        parse(defaultText); // a declaration whose own default does not parse is a bug: fail at class load
    }

    /** A whole number in {@code [min, max]}. */
    static Setting<Integer> wholeNumber(String key, int defaultValue, int min, int max, String doc) {
        return new Setting<>(key, Integer.toString(defaultValue), doc, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        max == Integer.MAX_VALUE ? "must be at least " + min : "must be from " + min + " to " + max);
            }
            return value;
        });
    }

    /** A 64-bit whole number (seeds). */
    static Setting<Long> longNumber(String key, long defaultValue, String doc) {
        return new Setting<>(key, Long.toString(defaultValue), doc, text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
        });
    }

    /** A finite number in {@code [min, max]}, its default written as {@code defaultText}. */
    static Setting<Double> number(String key, String defaultText, double min, double max, String doc) {
        return number(key, defaultText, Interval.closed(min, max), doc);
    }

    /** A finite number in {@code range}, its default written as {@code defaultText}. */
    static Setting<Double> number(String key, String defaultText, Interval range, String doc) {
        return new Setting<>(key, defaultText, doc, text -> {
            double value = parseNumber(text);
            if (!range.contains(value)) {
                throw new IllegalArgumentException("must be " + range);
            }
            return value;
        });
    }

    /** Where a number setting may lie; each end open or closed. */
    record Interval(double low, boolean lowIncluded, double high, boolean highIncluded) implements Serializable {
        static Interval closed(double low, double high) {
            return new Interval(low, true, high, true);
        }

        static Interval open(double low, double high) {
            return new Interval(low, false, high, false);
        }

        boolean contains(double value) {
            return (lowIncluded ? value >= low : value > low) && (highIncluded ? value <= high : value < high);
        }

        @Override
        public String toString() {
            if (high == Double.MAX_VALUE) {
                return (lowIncluded ? "at least " : "greater than ") + plain(low);
            }
            return "in " + (lowIncluded ? "[" : "(") + plain(low) + ", " + plain(high) + (highIncluded ? "]" : ")");
        }

        private static String plain(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** Free text, non-blank. */
    static Setting<String> text(String key, String defaultValue, String doc) {
        return new Setting<>(key, defaultValue, doc, text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must not be blank");
            }
            return text;
        });
    }

    /** Free text, or blank for none (null). */
    static Setting<String> optionalText(String key, String doc) {
        return new Setting<>(key, "", doc, text -> text.isEmpty() ? null : text);
    }

    /** {@code true} or {@code false}. */
    static Setting<Boolean> flag(String key, boolean defaultValue, String doc) {
        return new Setting<>(key, Boolean.toString(defaultValue), doc, text -> {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return Boolean.parseBoolean(text);
        });
    }

    /** A SQL identifier: a letter or underscore, then letters, digits or underscores (a database name). */
    static Setting<String> identifier(String key, String defaultValue, String doc) {
        return new Setting<>(key, defaultValue, doc, text -> {
            if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(
                        "must be a name of letters, digits and underscores, not starting with a digit");
            }
            return text;
        });
    }

    /** One of {@code allowed}. */
    static Setting<String> oneOf(String key, String defaultValue, List<String> allowed, String doc) {
        return new Setting<>(key, defaultValue, doc, text -> {
            if (!allowed.contains(text)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
            }
            return text;
        });
    }

    /** A comma-separated list of names, in order, duplicates dropped; at least {@code minSize} of them. */
    static Setting<Set<String>> names(String key, String defaultText, int minSize, String doc) {
        return new Setting<>(key, defaultText, doc, text -> {
            Set<String> names = Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (names.size() < minSize) {
                throw new IllegalArgumentException("must list at least " + minSize + " comma-separated name(s)");
            }
            return java.util.Collections.unmodifiableSet(names);
        });
    }

    /** A comma-separated list of at least one finite number, each in {@code [min, max]}. */
    static Setting<List<Double>> numbers(String key, String defaultText, double min, double max, String doc) {
        return new Setting<>(key, defaultText, doc, text -> {
            List<Double> values = Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(Setting::parseNumber)
                    .toList();
            Interval range = Interval.closed(min, max);
            if (values.isEmpty() || values.stream().anyMatch(v -> !range.contains(v))) {
                throw new IllegalArgumentException("must be a comma-separated list of numbers, each " + range);
            }
            return values;
        });
    }

    /** A date {@code YYYY-MM-DD}, or blank for none (null). */
    static Setting<LocalDate> optionalDate(String key, String doc) {
        return new Setting<>(key, "", doc, text -> {
            try {
                return text.isEmpty() ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a date YYYY-MM-DD or blank");
            }
        });
    }

    private static double parseNumber(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number");
        }
        if (!Double.isFinite(value) || !text.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
            throw new IllegalArgumentException("must be a decimal number");
        }
        return value;
    }

    public String key() {
        return key;
    }

    public String defaultText() {
        return defaultText;
    }

    public String doc() {
        return doc;
    }

    /** The value of {@code text} (already trimmed) for this setting. */
    public T parse(String text) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + key + " " + e.getMessage() + ", got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
