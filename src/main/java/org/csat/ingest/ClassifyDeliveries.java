package org.csat.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Parsed records of one run -> each record's {@code status}: {@code accepted} (goes to
 * bronze), {@code superseded} (accepted, but a later night of the same run re-delivers the
 * conversation), {@code duplicate} or {@code rejected} (both go to quarantine). The rules make
 * one run over several nights equal to running the nights one by one:
 * <ul>
 *   <li>CSV rows of a file that breaks off part-way are rejected as {@code incomplete_file}
 *       (a conversation's rows may stand anywhere in the file, so none is known complete);
 *       CSV rows are then assembled into conversations.</li>
 *   <li>Within one night (the {@code YYYY-MM-DD} / {@code date=YYYY-MM-DD} directory of the
 *       file, or no night), a conversation_id delivered twice keeps its last delivery (highest
 *       file path, then record number); the others are {@code duplicate_conversation}.</li>
 *   <li>Across nights, the nights' deliveries are replayed in night order as bronze's MERGE
 *       would take them one run at a time: a delivery with the same content (record_hash) as
 *       the one before it changes nothing, so the kept delivery is the last one that changed the
 *       content; the others are superseded.</li>
 * </ul>
 * Adds {@code night} and {@code record_hash} (SHA-256 of the raw record).
 */
final class ClassifyDeliveries {
    /** File-level codes that end a CSV file part-way through. */
    private static final List<String> CSV_BREAKS = List.of(
            Reasons.TRUNCATED_FILE.code(),
            Reasons.BAD_CSV.code(),
            Reasons.RECORD_TOO_LARGE.code(),
            Reasons.UNREADABLE_FILE.code());

    Dataset<Row> apply(Dataset<Row> parsed) {
        Dataset<Row> marked = markIncompleteCsvFiles(parsed);
        Column csvWithId = col("source_format")
                .equalTo(CsvMessageParser.FORMAT)
                .and(col("conversation_id").isNotNull());
        Dataset<Row> candidates = marked.where(not(coalesce(csvWithId, lit(false))))
                .unionByName(new AssembleCsvConversations().apply(marked.where(csvWithId)))
                .withColumn("night", expr(InputFiles.nightSql("source_file")))
                .withColumn("record_hash", sha2(coalesce(col("raw"), lit("")), 256));

        WindowSpec inNight =
                Window.partitionBy("conversation_id", "night").orderBy(desc("source_file"), desc("record_no"));
        Dataset<Row> accepted = candidates
                .where(col("error_code").isNull())
                .withColumn("delivery", row_number().over(inNight))
                .withColumn(
                        "kept_at",
                        first(concat(
                                        col("source_file"),
                                        lit(":"),
                                        col("record_no").cast("string")))
                                .over(inNight));
        Dataset<Row> duplicates = accepted.where(col("delivery").gt(1))
                .withColumn("error_code", lit(Reasons.DUPLICATE_CONVERSATION.code()))
                .withColumn(
                        "error",
                        concat(
                                lit("conversation_id "),
                                col("conversation_id"),
                                lit(" is delivered again in the same night; the last delivery is kept ("),
                                col("kept_at"),
                                lit(")")))
                .withColumn("status", lit("duplicate"));

        Column order = struct(col("night"), col("source_file"), col("record_no"));
        WindowSpec nights = Window.partitionBy("conversation_id")
                .orderBy(col("night").asc_nulls_first(), col("source_file"), col("record_no"));
        Column changed = coalesce(lag("record_hash", 1).over(nights).notEqual(col("record_hash")), lit(true));
        Dataset<Row> perNight = accepted.where(col("delivery").equalTo(1))
                .withColumn("changed", changed)
                .withColumn("last_change", max(when(col("changed"), order)).over(Window.partitionBy("conversation_id")))
                .withColumn(
                        "status",
                        when(order.eqNullSafe(col("last_change")), lit("accepted"))
                                .otherwise(lit("superseded")))
                .drop("changed", "last_change");

        return perNight.unionByName(duplicates)
                .drop("delivery", "kept_at")
                .unionByName(candidates.where(col("error_code").isNotNull()).withColumn("status", lit("rejected")));
    }

    private static Dataset<Row> markIncompleteCsvFiles(Dataset<Row> parsed) {
        Dataset<Row> brokenFiles = parsed.where(col("source_format")
                        .equalTo(CsvMessageParser.FORMAT)
                        .and(col("error_code").isin(CSV_BREAKS.toArray())))
                .select(col("source_file").as("broken_file"), col("record_no").as("broken_at"))
                .dropDuplicates("broken_file");
        return parsed.join(broadcast(brokenFiles), col("source_file").equalTo(col("broken_file")), "left")
                .withColumn(
                        "incomplete",
                        col("broken_file").isNotNull().and(col("error_code").isNull()))
                .withColumn(
                        "error_code",
                        when(col("incomplete"), lit(Reasons.INCOMPLETE_FILE.code()))
                                .otherwise(col("error_code")))
                .withColumn(
                        "error",
                        when(
                                        col("incomplete"),
                                        concat(
                                                lit("the CSV file breaks off at record "),
                                                col("broken_at").cast("string"),
                                                lit("; rows of a conversation may stand anywhere in a CSV file,"
                                                        + " so no conversation of it is taken as complete")))
                                .otherwise(col("error")))
                .drop("broken_file", "broken_at", "incomplete");
    }
}
