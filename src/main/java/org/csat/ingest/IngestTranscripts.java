package org.csat.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.csat.config.PipelineConfig;
import org.csat.tables.Table;
import org.csat.tables.TableSchemas;
import org.csat.tables.Warehouse;

/**
 * Ingests the transcript files of a run into {@code bronze_conversations} and
 * {@code quarantine}. Files are read in parallel, one Spark task per file group; every JSON
 * line or CSV row becomes exactly one accepted or quarantined record, so
 * {@code records_read = records_accepted + records_quarantined} always. A conversation_id
 * delivered more than once in one run keeps its last delivery (highest file path, then
 * record number) and quarantines the others; across runs the newer delivery replaces the
 * bronze row. Writes are Delta MERGEs keyed by conversation_id (bronze) and file + record
 * (quarantine), and an unchanged record is not rewritten, so re-running a night changes
 * nothing.
 */
public final class IngestTranscripts {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private PipelineConfig config = PipelineConfig.defaults();
    private String inputDir;
    private LocalDate from;
    private LocalDate to;
    private String runId;
    private Timestamp runTime;

    /** What a run of ingest did; the counts reconcile exactly. */
    public record Result(long inputFiles, int filesOutsideRange, long recordsRead, long recordsAccepted,
                         long recordsQuarantined, long conversationsAccepted, Map<String, Long> rowsWritten) {
    }

    public IngestTranscripts(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    public IngestTranscripts config(PipelineConfig config) {
        this.config = require(config, "config");
        return this;
    }

    public IngestTranscripts inputDir(String inputDir) {
        this.inputDir = require(inputDir, "inputDir");
        return this;
    }

    /** Nights to take, inclusive; either may be null for an open end. */
    public IngestTranscripts nights(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends (" + to + ") before it starts (" + from + ")");
        }
        this.from = from;
        this.to = to;
        return this;
    }

    public IngestTranscripts run(String runId, Timestamp runTime) {
        this.runId = require(runId, "runId");
        this.runTime = require(runTime, "runTime");
        return this;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }

    public Result execute() throws IOException {
        require(inputDir, "inputDir");
        require(runId, "runId");
        spark.sparkContext().setJobGroup("INGEST", "ingest " + inputDir + " (run " + runId + ")", false);
        InputFiles.Listing listing = InputFiles.list(inputDir, from, to, spark.sparkContext().hadoopConfiguration());
        if (listing.files().isEmpty()) {
            return new Result(0, listing.outsideRange(), 0, 0, 0, 0, Map.of());
        }
        Dataset<Row> classified = classify(readFiles(listing.files())).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counts = classified.agg(
                    sum("source_records").as("read"),
                    sum(when(col("status").equalTo("accepted"), col("source_records")).otherwise(0L)).as("accepted"),
                    sum(when(col("status").equalTo("accepted"), 1L).otherwise(0L)).as("conversations")).first();
            long read = counts.isNullAt(0) ? 0 : counts.getLong(0);
            long accepted = counts.isNullAt(1) ? 0 : counts.getLong(1);
            long conversations = counts.isNullAt(2) ? 0 : counts.getLong(2);

            Map<String, Long> written = new HashMap<>();
            written.put(Table.BRONZE_CONVERSATIONS.tableName(), mergeBronze(classified.where(col("status").equalTo("accepted"))));
            // A clean night has nothing to quarantine: skip that MERGE (a dozen small Spark jobs), keep the table.
            if (read == accepted) {
                warehouse.open(Table.QUARANTINE);
                written.put(Table.QUARANTINE.tableName(), 0L);
            } else {
                written.put(Table.QUARANTINE.tableName(), mergeQuarantine(classified.where(col("status").notEqual("accepted"))));
            }
            return new Result(listing.files().size(), listing.outsideRange(), read, accepted, read - accepted,
                    conversations, written);
        } finally {
            classified.unpersist();
        }
    }

    private Dataset<Row> readFiles(List<String> files) {
        TranscriptFileReader reader = new TranscriptFileReader(config.maxMessageChars(), config.maxRecordChars());
        SerializableHadoopConf hadoopConf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
        int slices = Math.max(1, Math.min(files.size(), spark.sparkContext().defaultParallelism() * 4));
        return spark.createDataset(files, Encoders.STRING())
                .repartition(slices)
                .flatMap((FlatMapFunction<String, Row>) file -> reader.read(file, hadoopConf.get()).iterator(),
                        Encoders.row(TableSchemas.PARSED_RECORD));
    }

    /** Assembles CSV rows, then marks each record accepted, rejected or duplicate. */
    private Dataset<Row> classify(Dataset<Row> parsed) {
        Column csvWithId = col("source_format").equalTo(CsvMessageParser.FORMAT).and(col("conversation_id").isNotNull());
        Dataset<Row> candidates = parsed.where(functions.not(functions.coalesce(csvWithId, functions.lit(false))))
                .unionByName(new AssembleCsvConversations().apply(parsed.where(csvWithId)));

        WindowSpec delivery = Window.partitionBy("conversation_id").orderBy(desc("source_file"), desc("record_no"));
        Dataset<Row> accepted = candidates.where(col("error_code").isNull())
                .withColumn("delivery", row_number().over(delivery))
                .withColumn("kept_at", first(concat(col("source_file"), lit(":"), col("record_no").cast("string"))).over(delivery));
        Dataset<Row> duplicates = accepted.where(col("delivery").gt(1))
                .withColumn("error_code", lit(Reasons.DUPLICATE_CONVERSATION.code()))
                .withColumn("error", concat(lit("conversation_id "), col("conversation_id"),
                        lit(" is delivered again in this run; the last delivery is kept ("), col("kept_at"), lit(")")))
                .withColumn("status", lit("duplicate"));
        return accepted.where(col("delivery").equalTo(1)).withColumn("status", lit("accepted"))
                .unionByName(duplicates)
                .drop("delivery", "kept_at")
                .unionByName(candidates.where(col("error_code").isNotNull()).withColumn("status", lit("rejected")));
    }

    private long mergeBronze(Dataset<Row> accepted) {
        Dataset<Row> rows = accepted
                .withColumn("source_record_no", col("record_no"))
                .withColumn("record_hash", sha2(coalesce(col("raw"), lit("")), 256))
                .withColumn("ingest_run_id", lit(runId))
                .withColumn("ingested_at", lit(runTime))
                .selectExpr(columnNames(TableSchemas.BRONZE_CONVERSATIONS.fieldNames()));
        long before = warehouse.version(Table.BRONZE_CONVERSATIONS);
        warehouse.open(Table.BRONZE_CONVERSATIONS).as("t")
                .merge(rows.as("s"), "t.conversation_id = s.conversation_id")
                .whenMatched("t.record_hash <> s.record_hash").updateAll()
                .whenNotMatched().insertAll()
                .execute();
        return warehouse.rowsWrittenSince(Table.BRONZE_CONVERSATIONS, before);
    }

    private long mergeQuarantine(Dataset<Row> rejected) {
        Dataset<Row> rows = rejected
                .withColumn("raw_row", explode_outer(col("raw_rows")))
                .withColumn("record_no", coalesce(col("raw_row.record_no"), col("record_no")))
                .withColumn("raw", when(col("raw_row").isNotNull(), col("raw_row.raw")).otherwise(col("raw")))
                .withColumn("reason_code", col("error_code"))
                .withColumn("reason", col("error"))
                .withColumn("run_id", lit(runId))
                .withColumn("quarantined_at", lit(runTime))
                .selectExpr(columnNames(TableSchemas.QUARANTINE.fieldNames()));
        long before = warehouse.version(Table.QUARANTINE);
        warehouse.open(Table.QUARANTINE).as("t")
                .merge(rows.as("s"), "t.source_file = s.source_file AND t.record_no = s.record_no")
                .whenMatched("t.reason_code <> s.reason_code OR NOT (t.raw <=> s.raw)").updateAll()
                .whenNotMatched().insertAll()
                .execute();
        return warehouse.rowsWrittenSince(Table.QUARANTINE, before);
    }

    private static String[] columnNames(String[] names) {
        String[] quoted = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            quoted[i] = "`" + names[i] + "`";
        }
        return quoted;
    }
}
