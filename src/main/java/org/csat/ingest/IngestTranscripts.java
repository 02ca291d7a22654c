package org.csat.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.csat.stage.StageAction;
import org.csat.stage.StageContext;
import org.csat.tables.ConcurrentWrites;
import org.csat.tables.Table;
import org.csat.tables.TableSchemas;

/**
 * Ingests the transcript files of a run into {@code bronze_conversations} and
 * {@code quarantine}. Files are streamed in parallel, one Spark task per file group; every
 * JSON record, CSV row or unreadable file becomes exactly one accepted or quarantined record,
 * so {@code records_read = records_accepted + records_quarantined} always
 * ({@link ClassifyDeliveries} has the rules for re-deliveries). Writes are Delta MERGEs keyed
 * by conversation_id (bronze) and file + record (quarantine), skipped when nothing changed;
 * an unchanged record is not rewritten, and a delivery from an earlier night than bronze's copy does not replace it, so
 * re-running nights, in any order, changes nothing. Bronze rows are written with
 * {@code scored_run_id} null: the nightly job scores them and then marks them
 * ({@link MarkConversationsScored}), so a run that dies in between is completed by the next.
 * Each MERGE retries when another run commits to the same table at the same moment. With
 * {@link #onlyNewFiles} it reads only the nights with new or changed files
 * ({@link IngestedFiles}, table {@code ingested_files}), so a nightly run costs its new input,
 * not the history kept in the input folder.
 */
public final class IngestTranscripts extends StageAction<IngestTranscripts.Result> {
    private String inputDir;
    private LocalDate from;
    private LocalDate to;
    private boolean onlyNewFiles;

    /**
     * What a run of ingest did; the counts reconcile exactly. {@code recordsAccepted} includes
     * the {@code conversationsSuperseded} deliveries that a later night of the same run replaced.
     */
    public record Result(
            long inputFiles,
            int filesOutsideRange,
            int filesAlreadyIngested,
            long recordsRead,
            long recordsAccepted,
            long recordsQuarantined,
            long conversationsAccepted,
            long conversationsSuperseded,
            Map<Table, Long> rowsWritten) {}

    public IngestTranscripts(StageContext context) {
        super(context);
    }

    public IngestTranscripts inputDir(String inputDir) {
        if (inputDir == null || inputDir.isBlank()) {
            throw new IllegalArgumentException("inputDir must be a directory, got '" + inputDir + "'");
        }
        this.inputDir = inputDir;
        return this;
    }

    /**
     * Read only the files not read before (new, or changed in size or time), with the rest of
     * their night; the nightly default when no night is asked for. Off, every listed file is read.
     */
    public IngestTranscripts onlyNewFiles(boolean onlyNewFiles) {
        this.onlyNewFiles = onlyNewFiles;
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

    @Override
    protected String jobGroup() {
        return "INGEST";
    }

    @Override
    protected String jobDescription() {
        return "ingest " + inputDir;
    }

    @Override
    protected void checkReady() {
        if (inputDir == null) {
            throw new IllegalStateException("IngestTranscripts needs inputDir(...) before execute()");
        }
    }

    @Override
    protected Result doExecute() throws IOException {
        InputFiles.Listing listing =
                InputFiles.list(inputDir, from, to, spark().sparkContext().hadoopConfiguration());
        IngestedFiles ingested = new IngestedFiles(spark(), warehouse());
        if (onlyNewFiles) {
            listing = ingested.toRead(listing);
        }
        if (listing.found().isEmpty() && listing.problems().isEmpty()) {
            return new Result(
                    0,
                    listing.outsideRange(),
                    listing.alreadyIngested(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    Map.of(Table.INGESTED_FILES, 0L));
        }
        Dataset<Row> parsed = readFiles(listing.files())
                .unionByName(problems(listing.problems()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> classified = new ClassifyDeliveries().apply(parsed).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Column kept = col("status").isin("accepted", "superseded");
            Row counts = classified
                    .agg(
                            sum("source_records").as("read"),
                            sum(when(kept, col("source_records")).otherwise(0L)).as("accepted"),
                            sum(when(col("status").equalTo("accepted"), 1L).otherwise(0L))
                                    .as("conversations"),
                            sum(when(col("status").equalTo("superseded"), 1L).otherwise(0L))
                                    .as("superseded"))
                    .first();
            parsed.unpersist();
            long read = counts.isNullAt(0) ? 0 : counts.getLong(0);
            long accepted = counts.isNullAt(1) ? 0 : counts.getLong(1);

            Map<Table, Long> written = new EnumMap<>(Table.class);
            written.put(
                    Table.BRONZE_CONVERSATIONS,
                    ConcurrentWrites.retrying(
                            Table.BRONZE_CONVERSATIONS,
                            () -> mergeBronze(classified.where(col("status").equalTo("accepted")))));
            if (read == accepted) {
                // A clean night has nothing to quarantine: skip that MERGE's Spark jobs, keep the table.
                warehouse().open(Table.QUARANTINE);
                written.put(Table.QUARANTINE, 0L);
            } else {
                written.put(
                        Table.QUARANTINE,
                        ConcurrentWrites.retrying(
                                Table.QUARANTINE, () -> mergeQuarantine(classified.where(not(kept)))));
            }
            InputFiles.Listing recorded = listing;
            written.put(
                    Table.INGESTED_FILES,
                    ConcurrentWrites.retrying(Table.INGESTED_FILES, () -> ingested.record(recorded, run())));
            return new Result(
                    listing.found().size() + listing.problems().size(),
                    listing.outsideRange(),
                    listing.alreadyIngested(),
                    read,
                    accepted,
                    read - accepted,
                    counts.isNullAt(2) ? 0 : counts.getLong(2),
                    counts.isNullAt(3) ? 0 : counts.getLong(3),
                    written);
        } finally {
            classified.unpersist();
            parsed.unpersist();
        }
    }

    private Dataset<Row> readFiles(List<String> files) {
        TranscriptFileReader reader = new TranscriptFileReader(
                config().ingest().maxMessageChars(), config().ingest().maxRecordChars());
        SerializableHadoopConf hadoopConf =
                new SerializableHadoopConf(spark().sparkContext().hadoopConfiguration());
        int slices = Math.max(1, Math.min(files.size(), spark().sparkContext().defaultParallelism() * 4));
        return spark().createDataset(files, Encoders.STRING())
                .repartition(slices)
                .flatMap(
                        (FlatMapFunction<String, Row>) file -> reader.read(file, hadoopConf.get()),
                        Encoders.row(TableSchemas.PARSED_RECORD));
    }

    /** One rejected record per entry of the input tree that cannot be read (a broken link, a bad night folder...). */
    private Dataset<Row> problems(List<InputFiles.Problem> problems) {
        List<Row> rows = problems.stream()
                .map(p -> ParsedRecords.rejected(
                        p.path(), 0, TranscriptFileReader.UNKNOWN_FORMAT, null, null, p.reason(), p.message()))
                .toList();
        return spark().createDataFrame(rows, TableSchemas.PARSED_RECORD);
    }

    private long mergeBronze(Dataset<Row> accepted) {
        Dataset<Row> rows = accepted.withColumn("source_record_no", col("record_no"))
                .withColumn("ingest_run_id", lit(run().id()))
                .withColumn("ingested_at", lit(run().startedAt()))
                .withColumn("scored_run_id", lit(null).cast("string"))
                .selectExpr(TableSchemas.columns(TableSchemas.BRONZE_CONVERSATIONS));
        Dataset<Row> stored = warehouse().read(Table.BRONZE_CONVERSATIONS).select("conversation_id", "record_hash");
        if (rows.join(stored, new String[] {"conversation_id", "record_hash"}, "left_anti")
                .isEmpty()) {
            return 0;
        }
        long before = warehouse().version(Table.BRONZE_CONVERSATIONS);
        String notFromAnEarlierNight = "coalesce(" + InputFiles.nightSql("s.source_file") + " >= "
                + InputFiles.nightSql("t.source_file") + ", true)";
        warehouse()
                .open(Table.BRONZE_CONVERSATIONS)
                .as("t")
                .merge(rows.as("s"), "t.conversation_id = s.conversation_id")
                .whenMatched("t.record_hash <> s.record_hash AND " + notFromAnEarlierNight)
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute();
        return warehouse().rowsWrittenSince(Table.BRONZE_CONVERSATIONS, before);
    }

    private long mergeQuarantine(Dataset<Row> rejected) {
        Dataset<Row> rows = rejected.withColumn("raw_row", explode_outer(col("raw_rows")))
                .withColumn("record_no", coalesce(col("raw_row.record_no"), col("record_no")))
                .withColumn("source_file", coalesce(col("raw_row.source_file"), col("source_file")))
                .withColumn(
                        "raw",
                        when(col("raw_row").isNotNull(), col("raw_row.raw")).otherwise(col("raw")))
                .withColumn("reason_code", col("error_code"))
                .withColumn("reason", col("error"))
                .withColumn("run_id", lit(run().id()))
                .withColumn("quarantined_at", lit(run().startedAt()))
                .selectExpr(TableSchemas.columns(TableSchemas.QUARANTINE));
        Dataset<Row> stored =
                warehouse().read(Table.QUARANTINE).select("source_file", "record_no", "reason_code", "raw");
        Column same = rows.col("source_file")
                .equalTo(stored.col("source_file"))
                .and(rows.col("record_no").equalTo(stored.col("record_no")))
                .and(rows.col("reason_code").equalTo(stored.col("reason_code")))
                .and(rows.col("raw").eqNullSafe(stored.col("raw")));
        if (rows.join(stored, same, "left_anti").isEmpty()) {
            return 0;
        }
        long before = warehouse().version(Table.QUARANTINE);
        warehouse()
                .open(Table.QUARANTINE)
                .as("t")
                .merge(rows.as("s"), "t.source_file = s.source_file AND t.record_no = s.record_no")
                .whenMatched("t.reason_code <> s.reason_code OR NOT (t.raw <=> s.raw)")
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute();
        return warehouse().rowsWrittenSince(Table.QUARANTINE, before);
    }
}
