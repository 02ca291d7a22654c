package org.csat.ingest;

import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.csat.stage.Run;
import org.csat.tables.Table;
import org.csat.tables.TableSchemas;
import org.csat.tables.Warehouse;

/**
 * The input files ingest has read, in {@code ingested_files} (path, size, modification time), so
 * that a run without a date range reads only what is new: the files of every night that has a
 * new or changed file (the whole night, since a night's files are read together: a CSV
 * conversation may span them, and a later file of a night supersedes an earlier one), and new
 * or changed files outside night folders. A file counts as changed when its size or
 * modification time differs from the last read. Compared in Spark, so only the listing (already
 * on the driver) and the files to read come back.
 */
final class IngestedFiles {
    private static final StructType LISTED = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("night", DataTypes.DateType, true)
            .add("size_bytes", DataTypes.LongType, false)
            .add("modified_at", DataTypes.TimestampType, false);

    /** The size recorded for an entry that could not be read (a broken link, a pipe, an unlistable folder). */
    private static final long UNREADABLE = -1;

    private final SparkSession spark;
    private final Warehouse warehouse;

    IngestedFiles(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    /**
     * The part of {@code listing} to read: files and unreadable entries of nights with something
     * new, and new ones of no night. An unreadable entry counts as read when it was quarantined
     * before and is still the same (size -1): a broken link in an old night is reported once,
     * not every night.
     */
    InputFiles.Listing toRead(InputFiles.Listing listing) {
        if (listing.found().isEmpty() && listing.problems().isEmpty()) {
            return listing;
        }
        Dataset<Row> stored =
                warehouse.open(Table.INGESTED_FILES).toDF().select("source_file", "size_bytes", "modified_at");
        Set<String> changed = new HashSet<>();
        for (Row row : listed(listing)
                .join(stored, new String[] {"source_file", "size_bytes", "modified_at"}, "left_anti")
                .select("source_file")
                .collectAsList()) {
            changed.add(row.getString(0));
        }
        Set<LocalDate> touchedNights = new HashSet<>();
        for (InputFiles.Found found : listing.found()) {
            if (found.night() != null && changed.contains(found.path())) {
                touchedNights.add(found.night());
            }
        }
        for (InputFiles.Problem problem : listing.problems()) {
            if (problem.night() != null && changed.contains(problem.path())) {
                touchedNights.add(problem.night());
            }
        }
        List<InputFiles.Found> files = new ArrayList<>();
        for (InputFiles.Found found : listing.found()) {
            if (changed.contains(found.path()) || touchedNights.contains(found.night())) {
                files.add(found);
            }
        }
        List<InputFiles.Problem> problems = new ArrayList<>();
        for (InputFiles.Problem problem : listing.problems()) {
            if (changed.contains(problem.path()) || touchedNights.contains(problem.night())) {
                problems.add(problem);
            }
        }
        int entries = listing.found().size() + listing.problems().size();
        return new InputFiles.Listing(
                files, problems, listing.outsideRange(), entries - files.size() - problems.size());
    }

    /** Records what {@code listing} holds as read by {@code run}: one MERGE, keyed by path; returns the rows written. */
    long record(InputFiles.Listing listing, Run run) {
        if (listing.found().isEmpty() && listing.problems().isEmpty()) {
            warehouse.open(Table.INGESTED_FILES);
            return 0;
        }
        long before = warehouse.version(Table.INGESTED_FILES);
        Dataset<Row> rows = listed(listing)
                .withColumn("run_id", lit(run.id()))
                .withColumn("ingested_at", lit(run.startedAt()))
                .selectExpr(TableSchemas.columns(TableSchemas.INGESTED_FILES));
        warehouse
                .open(Table.INGESTED_FILES)
                .as("t")
                .merge(rows.as("s"), "t.source_file = s.source_file")
                // a file read again unchanged keeps the run that first read it, so re-running a night changes nothing
                .whenMatched("t.size_bytes <> s.size_bytes OR t.modified_at <> s.modified_at")
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute();
        return warehouse.rowsWrittenSince(Table.INGESTED_FILES, before);
    }

    /** The listing's entries as rows; an unreadable entry has size -1 and time 0. */
    private Dataset<Row> listed(InputFiles.Listing listing) {
        List<Row> rows =
                new ArrayList<>(listing.found().size() + listing.problems().size());
        for (InputFiles.Found found : listing.found()) {
            rows.add(RowFactory.create(
                    found.path(), date(found.night()), found.size(), new Timestamp(found.modifiedMillis())));
        }
        for (InputFiles.Problem problem : listing.problems()) {
            rows.add(RowFactory.create(problem.path(), date(problem.night()), UNREADABLE, new Timestamp(0)));
        }
        return spark.createDataFrame(rows, LISTED);
    }

    private static Date date(LocalDate night) {
        return night == null ? null : Date.valueOf(night);
    }
}
