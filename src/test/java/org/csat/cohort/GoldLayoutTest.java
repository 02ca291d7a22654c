package org.csat.cohort;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * Gold is a function of silver's rows, not of how they lie in files and partitions. A re-run
 * after a run killed in the middle of gold re-scores the same conversations and rewrites them
 * into new silver files, so the same rows arrive in other partitions, in another order, and
 * {@code gold_cohort_daily}'s sentiment means differed in their last digits (sums of doubles
 * depend on their order). The same rows, once in one partition and once spread over seven in
 * another order, must give every daily figure to the bit.
 */
class GoldLayoutTest {
    private static final StructType SILVER = new StructType()
            .add("conversation_id", DataTypes.StringType)
            .add("date", DataTypes.DateType)
            .add("handled_by", DataTypes.StringType)
            .add("customer_sentiment_end", DataTypes.DoubleType)
            .add("customer_sentiment_shift", DataTypes.DoubleType)
            .add("handoff", DataTypes.BooleanType)
            .add("asked_for_human", DataTypes.BooleanType)
            .add("csat", DataTypes.IntegerType);

    @Test
    void dailyFiguresAreTheSameToTheBitWhateverTheLayoutOfSilver() {
        SparkSession spark = TestSpark.session();
        Random random = new Random(21);
        List<Row> rows = new ArrayList<>();
        String[] cohorts = {"bot", "human", "bot_to_human"};
        for (int i = 0; i < 3000; i++) {
            double end = random.nextDouble() * 2 - 1;
            rows.add(RowFactory.create(
                    "c-" + i,
                    Date.valueOf("2024-03-0" + (1 + random.nextInt(9))),
                    cohorts[random.nextInt(3)],
                    random.nextInt(10) == 0 ? null : end,
                    end - (random.nextDouble() * 2 - 1),
                    random.nextBoolean(),
                    random.nextBoolean(),
                    random.nextInt(5) == 0 ? 1 + random.nextInt(5) : null));
        }
        Dataset<Row> onePartition = spark.createDataFrame(rows, SILVER).coalesce(1);
        Dataset<Row> spread = spark.createDataFrame(rows, SILVER)
                .repartition(7, col("conversation_id"))
                .sortWithinPartitions(col("conversation_id").desc());

        assertEquals(
                TestSpark.sortedRows(RebuildGold.daily(onePartition).collectAsList()),
                TestSpark.sortedRows(RebuildGold.daily(spread).collectAsList()));
    }
}
