package org.csat.cohort;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Means of doubles that do not depend on the order the rows arrive in. Spark adds doubles in
 * whatever order partitions and shuffle blocks come, and floating-point addition is not
 * associative, so the same silver rows laid out in other files (a re-run after a run killed in
 * the middle of gold rewrites them) gave gold means that differed in their last digits. Each
 * value is rounded to 12 decimals (far below any figure gold reports) and summed as an exact
 * decimal, which is the same in any order; the mean is a double again.
 */
final class ExactSums {
    /** 26 integer digits: room for sums of long handle times over millions of rows. */
    private static final DecimalType EXACT = DataTypes.createDecimalType(38, 12);

    private ExactSums() {}

    static Column mean(String column) {
        return functions.avg(functions.col(column).try_cast(EXACT)).cast(DataTypes.DoubleType);
    }
}
