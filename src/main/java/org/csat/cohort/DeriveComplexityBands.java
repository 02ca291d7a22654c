package org.csat.cohort;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.csat.cohort.PrepareComparisonFrame.BEFORE;
import static org.csat.cohort.PrepareComparisonFrame.PERIOD;
import static org.csat.cohort.PrepareComparisonFrame.TOPIC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Derives a complexity band (low / medium / high) per topic from how hard the topic is for
 * human agents, since real data carries no complexity label. For each topic it takes the
 * human-first conversations before the rollout (all human-first ones when the topic has fewer
 * than {@code cohort.band_min_conversations} before it) and measures difficulty: the share
 * humans leave unresolved when silver has {@code resolved}, else the repeat-contact rate,
 * else effort proxies (handle time, customer turns, the customer's opening anger). Each
 * signal becomes the topic's rank among topics (0..1); the difficulty score is the mean rank,
 * and topics are cut into terciles of it. A topic property measured on human handling only, so it is pre-treatment
 * for every conversation: the band never looks at what the bot did in the conversation.
 * Topics with too few human-first conversations get {@code unknown}.
 */
final class DeriveComplexityBands {
    public static final StructType SCHEMA = new StructType()
            .add(TOPIC, DataTypes.StringType, false)
            .add(PrepareComparisonFrame.BAND, DataTypes.StringType, false)
            .add("difficulty_score", DataTypes.DoubleType, true)
            .add("band_basis_conversations", DataTypes.LongType, false);

    private static final String[] BANDS = {"low", "medium", "high"};

    private final SparkSession spark;
    private final int minConversations;

    public DeriveComplexityBands(SparkSession spark, int minConversations) {
        this.spark = spark;
        this.minConversations = minConversations;
    }

    public Dataset<Row> apply(Dataset<Row> frame) {
        Map<String, Column> signals = signals(List.of(frame.columns()));
        Dataset<Row> human = frame.where(col(PrepareComparisonFrame.COHORT).equalTo(CohortPair.CONTROL));
        Column before = col(PERIOD).equalTo(BEFORE);
        List<Column> aggs = new ArrayList<>(List.of(
                count(when(before, lit(1))).as("n_before"), count(lit(1)).as("n_all")));
        for (Map.Entry<String, Column> signal : signals.entrySet()) {
            aggs.add(avg(when(before, signal.getValue())).as(signal.getKey() + "_before"));
            aggs.add(avg(signal.getValue()).as(signal.getKey() + "_all"));
        }
        List<Row> perTopic = human.groupBy(TOPIC)
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
                .collectAsList();
        return spark.createDataFrame(band(perTopic, new ArrayList<>(signals.keySet())), SCHEMA);
    }

    private List<Row> band(List<Row> perTopic, List<String> signalNames) {
        List<TopicSignals> ranked = new ArrayList<>();
        List<Row> out = new ArrayList<>();
        for (Row row : perTopic) {
            String topic = row.getString(0);
            long nBefore = row.getLong(1);
            long nAll = row.getLong(2);
            String basis = nBefore >= minConversations ? "_before" : "_all";
            long n = nBefore >= minConversations ? nBefore : nAll;
            if (n < minConversations || signalNames.isEmpty()) {
                out.add(RowFactory.create(topic, "unknown", null, n));
                continue;
            }
            double[] values = new double[signalNames.size()];
            for (int i = 0; i < values.length; i++) {
                Object v = row.getAs(signalNames.get(i) + basis);
                values[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
            }
            ranked.add(new TopicSignals(topic, n, values));
        }
        Map<String, Double> scores = scores(ranked, signalNames.size());
        List<Map.Entry<String, Double>> ordered = new ArrayList<>(scores.entrySet());
        ordered.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; i < ordered.size(); i++) {
            String topic = ordered.get(i).getKey();
            long n = ranked.stream()
                    .filter(t -> t.topic.equals(topic))
                    .findFirst()
                    .orElseThrow()
                    .n;
            out.add(RowFactory.create(
                    topic, BANDS[3 * i / ordered.size()], ordered.get(i).getValue(), n));
        }
        return out;
    }

    /** Mean over signals of each topic's rank among the topics with a value (0 = easiest, 1 = hardest). */
    private static Map<String, Double> scores(List<TopicSignals> topics, int signalCount) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        topics.forEach(t -> sums.put(t.topic, new double[2]));
        for (int s = 0; s < signalCount; s++) {
            final int signal = s;
            List<TopicSignals> withValue = new ArrayList<>(
                    topics.stream().filter(t -> !Double.isNaN(t.values[signal])).toList());
            withValue.sort(Comparator.<TopicSignals>comparingDouble(t -> t.values[signal])
                    .thenComparing(t -> t.topic));
            for (int i = 0; i < withValue.size(); i++) {
                double rank = withValue.size() == 1 ? 0.5 : (double) i / (withValue.size() - 1);
                double[] sum = sums.get(withValue.get(i).topic);
                sum[0] += rank;
                sum[1]++;
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        sums.forEach((topic, sum) -> scores.put(topic, sum[1] == 0 ? 0.5 : sum[0] / sum[1]));
        return scores;
    }

    /**
     * Difficulty signals oriented so that larger means harder. How often humans fail on a topic
     * is the direct measure, so it is used alone when silver has {@code resolved}; without it,
     * the repeat-contact rate; without either, the effort proxies (handle time, customer turns,
     * the customer's opening anger) together.
     */
    private static Map<String, Column> signals(List<String> columns) {
        Map<String, Column> signals = new LinkedHashMap<>();
        if (columns.contains("resolved")) {
            signals.put("unresolved", lit(1.0).minus(col("resolved")));
        } else if (columns.contains("repeat_contact")) {
            signals.put("repeat", col("repeat_contact"));
        } else {
            if (columns.contains("handle_time_s")) {
                signals.put("handle_time", col("handle_time_s"));
            }
            signals.put("customer_turns", col(PrepareComparisonFrame.CUSTOMER_TURNS));
            signals.put("anger", lit(0.0).minus(col(PrepareComparisonFrame.SENTIMENT_START)));
        }
        return signals;
    }

    private record TopicSignals(String topic, long n, double[] values) {}
}
