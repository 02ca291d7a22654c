package org.csat.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.csat.cohort.PrepareComparisonFrame.AFTER;
import static org.csat.cohort.PrepareComparisonFrame.COHORT;
import static org.csat.cohort.PrepareComparisonFrame.PERIOD;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.config.ComparisonSettings;

/**
 * Inverse-propensity weights per cohort pair. One Spark MLlib multinomial logistic regression
 * (L-BFGS, deterministic, L2 penalty {@code cohort.ipw_reg_param}) predicts, for the
 * conversations after the rollout, the probability of each cohort (human, bot, bot_to_human)
 * from pre-treatment covariates only: topic, language, complexity band, channel, time of day,
 * weekday/weekend and weeks since rollout. A pair's propensity {@code e} is its treated
 * classes' probability over that plus the human one (a generalized propensity score); for
 * bot-first vs human it is simply P(bot-first | x). The weights target the treated side's case mix
 * (ATT): 1 for a treated row, e/(1-e) for a control row. Rows with e outside
 * [{@code cohort.ipw_trim_low}, {@code cohort.ipw_trim_high}] are trimmed (weight 0) on both
 * sides; outside the pair or before the rollout the weight is 0. Adds {@code ipw_<pair>}.
 */
final class FitPropensity {
    private static final String[] CATEGORICAL = {
        PrepareComparisonFrame.TOPIC,
        PrepareComparisonFrame.LANGUAGE,
        PrepareComparisonFrame.BAND,
        PrepareComparisonFrame.CHANNEL,
        PrepareComparisonFrame.HOUR_BAND,
        PrepareComparisonFrame.DAY_TYPE
    };

    private static final String LABEL = "cohort_class";
    private static final String CLASS_PROBABILITIES = "class_probabilities";

    private final ComparisonSettings settings;

    public FitPropensity(ComparisonSettings settings) {
        this.settings = settings;
    }

    public static String weightColumn(CohortPair pair) {
        return "ipw_" + pair.label();
    }

    public static String propensityColumn(CohortPair pair) {
        return "propensity_" + pair.label();
    }

    /** The pair's population after the rollout: treated or control rows. */
    static Column inPair(CohortPair pair) {
        return col(PERIOD)
                .equalTo(AFTER)
                .and(col(COHORT)
                        .isin(pair.treatedHandledBy().toArray())
                        .or(col(COHORT).equalTo(CohortPair.CONTROL)));
    }

    static Column isTreated(CohortPair pair) {
        return col(COHORT).isin(pair.treatedHandledBy().toArray());
    }

    /**
     * @param frame     the comparison frame with its complexity band
     * @param fittable  pairs with both sides present after the rollout; the others get weight 0
     */
    public Dataset<Row> apply(Dataset<Row> frame, List<CohortPair> fittable) {
        if (fittable.isEmpty()) {
            return withZeroWeights(frame, List.of(CohortPair.values()));
        }
        Column after = col(PERIOD).equalTo(AFTER);
        PipelineModel features = featurizer().fit(frame.where(after));
        Dataset<Row> featured = features.transform(frame).withColumn(LABEL, label());
        LogisticRegressionModel model = new LogisticRegression()
                .setFamily("multinomial")
                .setLabelCol(LABEL)
                .setFeaturesCol("features")
                .setRegParam(settings.regParam())
                .setElasticNetParam(0.0)
                .setMaxIter(100)
                .setTol(1e-6)
                .fit(featured.where(after.and(col(LABEL).isNotNull())));
        Dataset<Row> scored = model.transform(featured)
                .withColumn(CLASS_PROBABILITIES, functions.vector_to_array(col("probability"), "float64"));
        for (CohortPair pair : fittable) {
            scored = scored.withColumn(propensityColumn(pair), pairPropensity(pair))
                    .withColumn(weightColumn(pair), weight(pair));
        }
        List<String> added = new ArrayList<>(
                List.of("features", LABEL, CLASS_PROBABILITIES, "probability", "rawPrediction", "prediction"));
        for (String c : CATEGORICAL) {
            added.add(c + "_index");
            added.add(c + "_vector");
        }
        List<CohortPair> unfitted = new ArrayList<>(List.of(CohortPair.values()));
        unfitted.removeAll(fittable);
        return withZeroWeights(scored.drop(added.toArray(new String[0])), unfitted);
    }

    /** Class index of the multinomial model: human 0, bot 1, bot_to_human 2; null for other cohorts. */
    private static Column label() {
        Column cohort = col(COHORT);
        return when(cohort.equalTo(CohortPair.CONTROL), lit(0.0))
                .when(cohort.equalTo("bot"), lit(1.0))
                .when(cohort.equalTo("bot_to_human"), lit(2.0));
    }

    /**
     * P(treated | x, treated or human): the treated classes' probability over that plus the
     * human one. A class absent from the data has no column in the probability vector.
     */
    private static Column pairPropensity(CohortPair pair) {
        Column probabilities = col(CLASS_PROBABILITIES);
        Column human = probabilities.getItem(0);
        Column treated = lit(0.0);
        for (String cohort : pair.treatedHandledBy()) {
            int index = cohort.equals("bot") ? 1 : 2;
            treated = treated.plus(when(size(probabilities).gt(index), probabilities.getItem(index))
                    .otherwise(lit(0.0)));
        }
        return treated.divide(treated.plus(human));
    }

    private Column weight(CohortPair pair) {
        Column e = col(propensityColumn(pair));
        Column kept = inPair(pair).and(e.geq(settings.trimLow())).and(e.leq(settings.trimHigh()));
        return when(kept.and(isTreated(pair)), lit(1.0))
                .when(kept, e.divide(lit(1.0).minus(e)))
                .otherwise(lit(0.0));
    }

    private static Dataset<Row> withZeroWeights(Dataset<Row> frame, List<CohortPair> pairs) {
        Dataset<Row> out = frame;
        for (CohortPair pair : pairs) {
            out = out.withColumn(propensityColumn(pair), lit(null).cast("double"))
                    .withColumn(weightColumn(pair), lit(0.0));
        }
        return out;
    }

    private static Pipeline featurizer() {
        String[] indexed = new String[CATEGORICAL.length];
        String[] vectors = new String[CATEGORICAL.length];
        for (int i = 0; i < CATEGORICAL.length; i++) {
            indexed[i] = CATEGORICAL[i] + "_index";
            vectors[i] = CATEGORICAL[i] + "_vector";
        }
        String[] inputs = new String[CATEGORICAL.length + 1];
        System.arraycopy(vectors, 0, inputs, 0, vectors.length);
        inputs[vectors.length] = PrepareComparisonFrame.WEEKS;
        return new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer()
                    .setInputCols(CATEGORICAL)
                    .setOutputCols(indexed)
                    .setStringOrderType("alphabetAsc")
                    .setHandleInvalid("keep"),
            new OneHotEncoder().setInputCols(indexed).setOutputCols(vectors).setHandleInvalid("keep"),
            new VectorAssembler().setInputCols(inputs).setOutputCol("features")
        });
    }

    /** Overlap diagnostics of one pair, from {@link #overlapColumns}. */
    public record Overlap(
            long treated,
            long control,
            long trimmedTreated,
            long trimmedControl,
            double minPropensity,
            double maxPropensity,
            double controlEffectiveN) {
        long trimmed() {
            return trimmedTreated + trimmedControl;
        }
    }

    /** Aggregate columns whose single result row {@link #overlaps} reads. */
    static Map<CohortPair, Column[]> overlapColumns(ComparisonSettings settings) {
        Map<CohortPair, Column[]> columns = new LinkedHashMap<>();
        for (CohortPair pair : CohortPair.values()) {
            Column e = col(propensityColumn(pair));
            Column in = inPair(pair);
            Column treated = in.and(isTreated(pair));
            Column control = in.and(isTreated(pair).unary_$bang());
            Column trimmed = e.lt(settings.trimLow()).or(e.gt(settings.trimHigh()));
            Column w = when(control, col(weightColumn(pair)));
            columns.put(pair, new Column[] {
                count(when(treated, lit(1))),
                count(when(control, lit(1))),
                count(when(treated.and(trimmed), lit(1))),
                count(when(control.and(trimmed), lit(1))),
                min(when(in, e)),
                max(when(in, e)),
                sum(w),
                sum(w.multiply(w))
            });
        }
        return columns;
    }

    static Map<CohortPair, Overlap> overlaps(Dataset<Row> weighted, ComparisonSettings settings) {
        Map<CohortPair, Column[]> columns = overlapColumns(settings);
        List<Column> all = new ArrayList<>();
        columns.values().forEach(c -> all.addAll(List.of(c)));
        Row row = weighted.agg(all.get(0), all.subList(1, all.size()).toArray(new Column[0]))
                .first();
        Map<CohortPair, Overlap> out = new LinkedHashMap<>();
        int i = 0;
        for (CohortPair pair : columns.keySet()) {
            double sumW = row.isNullAt(i + 6) ? 0 : row.getDouble(i + 6);
            double sumW2 = row.isNullAt(i + 7) ? 0 : row.getDouble(i + 7);
            out.put(
                    pair,
                    new Overlap(
                            row.getLong(i),
                            row.getLong(i + 1),
                            row.getLong(i + 2),
                            row.getLong(i + 3),
                            row.isNullAt(i + 4) ? Double.NaN : row.getDouble(i + 4),
                            row.isNullAt(i + 5) ? Double.NaN : row.getDouble(i + 5),
                            sumW2 > 0 ? sumW * sumW / sumW2 : 0));
            i += 8;
        }
        return out;
    }
}
