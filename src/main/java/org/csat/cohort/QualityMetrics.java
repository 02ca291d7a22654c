package org.csat.cohort;

import static org.csat.cohort.QualityMetric.Kind.BOT_ONLY_RATE;
import static org.csat.cohort.QualityMetric.Kind.MEAN;
import static org.csat.cohort.QualityMetric.Kind.RATE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * The registry of quality metrics the comparison reports, in report order. A metric whose
 * columns are all absent from silver is skipped with a note (the quality detectors add
 * {@code resolved}, {@code repeat_contact}, {@code predicted_csat} and {@code handle_time_s}
 * to silver; until then handle time falls back to the wall-clock {@code duration_s}).
 * Survey CSAT is read only where a survey exists: missing scores are never imputed. Asking for a
 * human is a bot-only rate: human-first customers have no bot to ask past.
 */
public final class QualityMetrics {
    public static final List<QualityMetric> ALL = List.of(
            new QualityMetric("resolved", List.of("resolved"), RATE, true, "resolved", "resolve the contact"),
            new QualityMetric(
                    "repeat_contact",
                    List.of("repeat_contact"),
                    RATE,
                    false,
                    "repeat contact",
                    "come back about it again"),
            new QualityMetric(
                    "asked_for_human",
                    List.of("asked_for_human"),
                    BOT_ONLY_RATE,
                    false,
                    "asked for a human",
                    "ask for a human"),
            new QualityMetric(
                    "customer_sentiment_end",
                    List.of("customer_sentiment_end"),
                    MEAN,
                    true,
                    "end sentiment",
                    "customer sentiment at the end"),
            new QualityMetric(
                    "customer_sentiment_shift",
                    List.of("customer_sentiment_shift"),
                    MEAN,
                    true,
                    "sentiment shift",
                    "change in customer sentiment"),
            new QualityMetric(
                    "csat", List.of("csat"), MEAN, true, "survey CSAT", "survey CSAT (1-5, surveyed chats only)"),
            new QualityMetric(
                    "predicted_csat", List.of("predicted_csat"), MEAN, true, "predicted CSAT", "predicted CSAT (1-5)"),
            new QualityMetric(
                    "handle_time_s",
                    List.of("handle_time_s", "duration_s"),
                    MEAN,
                    false,
                    "handle time (s)",
                    "handle time (s)"));

    private QualityMetrics() {}

    /** The metric of that name in the gold tables, if the registry has it. */
    public static java.util.Optional<QualityMetric> byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The metrics readable from a silver schema, with the column each is read from, and the skipped ones. */
    public record Selection(Map<QualityMetric, String> sources, List<QualityMetric> absent) {
        public List<QualityMetric> present() {
            return new ArrayList<>(sources.keySet());
        }
    }

    public static Selection select(StructType silverSchema) {
        Map<QualityMetric, String> sources = new LinkedHashMap<>();
        List<QualityMetric> absent = new ArrayList<>();
        for (QualityMetric metric : ALL) {
            metric.sourceIn(silverSchema)
                    .ifPresentOrElse(column -> sources.put(metric, column), () -> absent.add(metric));
        }
        return new Selection(sources, absent);
    }
}
