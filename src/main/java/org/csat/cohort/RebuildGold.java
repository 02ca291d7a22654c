package org.csat.cohort;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.csat.stage.StageAction;
import org.csat.stage.StageContext;
import org.csat.tables.ConcurrentWrites;
import org.csat.tables.Table;

/**
 * The gold stage: rebuilds every gold table from all of {@code silver_conversations}, each
 * overwritten whole in one commit. {@code gold_cohort_daily} holds the raw figures per date and
 * {@code handled_by}: conversations, mean customer sentiment at the end and its shift, handoff and
 * asked-for-human rates, and the survey CSAT mean over the conversations that have one (with that
 * count, since surveys cover a minority). The fair comparison, {@code gold_cohort_comparison},
 * {@code gold_quality_drop} and {@code gold_topic_quality}, comes from {@link CompareCohorts}
 * (settings: {@code cohort.*}), the first two again per language of {@code cohort.languages} in
 * {@code gold_cohort_comparison_by_language} and {@code gold_quality_drop_by_language}. The results are deterministic, so a re-run writes the same rows
 * whatever files silver's rows lie in (sentiment means are summed exactly: {@link ExactSums}).
 * When another run changes silver while gold is being built, gold is built again (up to
 * {@link ConcurrentWrites#ATTEMPTS} times), so the last gold always reflects the last silver.
 */
public final class RebuildGold extends StageAction<RebuildGold.Result> {
    /** Rows written per gold table by the last build, and how many builds it took. */
    public record Result(Map<Table, Long> rowsWritten, int builds) {}

    public RebuildGold(StageContext context) {
        super(context);
    }

    @Override
    protected String jobGroup() {
        return "GOLD";
    }

    @Override
    protected String jobDescription() {
        return "rebuild gold tables";
    }

    @Override
    protected Result doExecute() {
        Map<Table, Long> written = new EnumMap<>(Table.class);
        long silverVersion;
        int builds = 0;
        do {
            silverVersion = warehouse().version(Table.SILVER_CONVERSATIONS);
            ConcurrentWrites.retrying(Table.GOLD_COHORT_DAILY, () -> build(written));
        } while (++builds < ConcurrentWrites.ATTEMPTS
                && warehouse().version(Table.SILVER_CONVERSATIONS) != silverVersion);
        return new Result(written, builds);
    }

    private Void build(Map<Table, Long> written) {
        Dataset<Row> silver = warehouse().read(Table.SILVER_CONVERSATIONS);
        written.put(Table.GOLD_COHORT_DAILY, warehouse().overwrite(Table.GOLD_COHORT_DAILY, daily(silver)));
        CompareCohorts.Result result = new CompareCohorts(spark(), config().comparison()).apply(silver);
        written.put(
                Table.GOLD_COHORT_COMPARISON,
                warehouse()
                        .overwrite(
                                Table.GOLD_COHORT_COMPARISON,
                                result.comparison().coalesce(1)));
        written.put(
                Table.GOLD_QUALITY_DROP,
                warehouse()
                        .overwrite(Table.GOLD_QUALITY_DROP, result.qualityDrop().coalesce(1)));
        written.put(
                Table.GOLD_TOPIC_QUALITY,
                warehouse()
                        .overwrite(
                                Table.GOLD_TOPIC_QUALITY, result.topicQuality().coalesce(1)));
        written.put(
                Table.GOLD_COHORT_COMPARISON_BY_LANGUAGE,
                warehouse()
                        .overwrite(
                                Table.GOLD_COHORT_COMPARISON_BY_LANGUAGE,
                                result.comparisonByLanguage().coalesce(1)));
        written.put(
                Table.GOLD_QUALITY_DROP_BY_LANGUAGE,
                warehouse()
                        .overwrite(
                                Table.GOLD_QUALITY_DROP_BY_LANGUAGE,
                                result.qualityDropByLanguage().coalesce(1)));
        return null;
    }

    static Dataset<Row> daily(Dataset<Row> silverConversations) {
        return silverConversations
                .groupBy("date", "handled_by")
                .agg(
                        count(lit(1)).as("conversations"),
                        ExactSums.mean("customer_sentiment_end").as("customer_sentiment_end_mean"),
                        ExactSums.mean("customer_sentiment_shift").as("customer_sentiment_shift_mean"),
                        avg(when(col("handoff"), 1.0).otherwise(0.0)).as("handoff_rate"),
                        avg(when(col("asked_for_human"), 1.0).otherwise(0.0)).as("asked_for_human_rate"),
                        avg("csat").as("csat_mean"),
                        count("csat").as("csat_count"))
                .orderBy("date", "handled_by");
    }
}
