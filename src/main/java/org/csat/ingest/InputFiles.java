package org.csat.ingest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Finds the input files of a run on any Hadoop file system (local, HDFS, S3A...), and the
 * entries of the input tree that cannot be read ({@link InputTree} walks it). Every file below
 * the input directory is a candidate whatever its name, except system files: folders whose
 * name starts with {@code .} or {@code _} (Hadoop's {@code _temporary}, {@code .git}), files
 * starting with {@code _} ({@code _SUCCESS}), macOS's {@code ._} companions, and files starting
 * with {@code .} that are not named as transcripts ({@code .DS_Store}, {@code .x.jsonl.crc}); a
 * {@code .export.jsonl} is read. A night is a directory named {@code YYYY-MM-DD} or
 * {@code date=YYYY-MM-DD}; with a date range only files under such directories in range are
 * taken. A directory named like a night that is no date ({@code 2024-02-30}) cannot be placed
 * among the nights: its files become problems, in every run whose range touches the month it
 * claims. Listing runs on the driver and holds only file names.
 */
final class InputFiles {
    private static final Pattern NIGHT_OF_FILE = Pattern.compile("(?s)^.*/(?:date=)?([0-9]{4}-[0-9]{2}-[0-9]{2})/");
    private static final Pattern NIGHT = Pattern.compile("(?:^|/)(?:date=)?((\\d{4})-(\\d{2})-(\\d{2}))(?=/|$)");

    /**
     * The files to read, the entries that cannot be read (each becomes one quarantine record),
     * how many files were left out for lying outside the date range, and how many entries for
     * having been read already ({@link IngestedFiles}).
     */
    record Listing(List<Found> found, List<Problem> problems, int outsideRange, int alreadyIngested) {
        List<String> files() {
            return found.stream().map(Found::path).toList();
        }
    }

    /**
     * One file found: its full path, its night (null outside night folders), size and
     * modification time (what tells a changed file).
     */
    record Found(String path, LocalDate night, long size, long modifiedMillis) {}

    /**
     * An entry of the input tree that yields no records: its path, its night (null outside
     * night folders) and why, in words a person acts on.
     */
    record Problem(String path, LocalDate night, Reasons reason, String message) {}

    /** The night of a path: its date, or the name of a night-like folder that is no date (then date is null). */
    record Night(LocalDate date, String impossible, LocalDate claimedFrom, LocalDate claimedTo) {}

    private InputFiles() {}

    /**
     * @param from first night to take, or null for no lower bound
     * @param to   last night to take (inclusive), or null for no upper bound
     * @throws IllegalArgumentException when the input directory does not exist
     */
    static Listing list(String inputDir, LocalDate from, LocalDate to, Configuration hadoopConf) throws IOException {
        List<Found> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int[] outside = {0};
        InputTree.walk(inputDir, hadoopConf, new InputTree.Visitor() {
            @Override
            public boolean skipFolder(String name) {
                return name.startsWith(".") || name.startsWith("_");
            }

            @Override
            public void file(String path, String relative, long size, long modifiedMillis) {
                String name = relative.substring(relative.lastIndexOf('/') + 1);
                if (isSystemFile(name)) {
                    return;
                }
                Night night = nightOf(relative);
                if (night != null && night.impossible() != null) {
                    if (touches(night.claimedFrom(), night.claimedTo(), from, to)) {
                        problems.add(new Problem(
                                path,
                                null,
                                Reasons.BAD_NIGHT_FOLDER,
                                "the folder '" + night.impossible() + "' is named like a night, but there is no such"
                                        + " date; rename it to the night its files belong to and re-run"));
                    } else {
                        outside[0]++;
                    }
                    return;
                }
                LocalDate date = night == null ? null : night.date();
                if (from != null || to != null) {
                    if (date == null || (from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
                        outside[0]++;
                        return;
                    }
                }
                files.add(new Found(path, date, size, modifiedMillis));
            }

            @Override
            public void problem(String path, String relative, Reasons reason, String message) {
                String name = relative.substring(relative.lastIndexOf('/') + 1);
                if (!isSystemFile(name) && inRange(relative, from, to)) {
                    Night night = nightOf(relative);
                    problems.add(new Problem(path, night == null ? null : night.date(), reason, message));
                }
            }
        });
        files.sort(Comparator.comparing(Found::path));
        problems.sort(Comparator.comparing(Problem::path));
        return new Listing(files, problems, outside[0], 0);
    }

    /** Files that are no one's data: markers, checksums, editor and OS companions. */
    static boolean isSystemFile(String name) {
        return name.startsWith("_")
                || name.startsWith("._")
                || (name.startsWith(".") && TranscriptFileReader.formatOf(name) == null);
    }

    /**
     * A Spark SQL expression for the night of a file path column: the last path directory
     * named {@code YYYY-MM-DD} or {@code date=YYYY-MM-DD}, as text, or null.
     */
    static String nightSql(String pathColumn) {
        return "nullif(regexp_extract(" + pathColumn + ", '" + NIGHT_OF_FILE.pattern() + "', 1), '')";
    }

    /** What {@link #nightSql} gives for one file path, with "" for none. */
    static String nightOfFile(String path) {
        Matcher m = NIGHT_OF_FILE.matcher(path);
        return m.find() ? m.group(1) : "";
    }

    /** The night of the last night-like folder of a relative path, or null when it has none. */
    static Night nightOf(String relativePath) {
        Matcher m = NIGHT.matcher(relativePath);
        Night night = null;
        while (m.find()) {
            if (m.end() == relativePath.length()) {
                break; // the file's own name, not a folder
            }
            int year = Integer.parseInt(m.group(2));
            int month = Integer.parseInt(m.group(3));
            try {
                night = new Night(LocalDate.of(year, month, Integer.parseInt(m.group(4))), null, null, null);
            } catch (DateTimeException e) {
                boolean realMonth = month >= 1 && month <= 12;
                LocalDate claimedFrom = realMonth ? YearMonth.of(year, month).atDay(1) : LocalDate.of(year, 1, 1);
                LocalDate claimedTo = realMonth ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, 12, 31);
                night = new Night(null, m.group(1), claimedFrom, claimedTo);
            }
        }
        return night;
    }

    /** Whether a problem entry belongs to the run: in range, or anywhere when the run has no range. */
    private static boolean inRange(String relative, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return true;
        }
        Night night = nightOf(relative + "/");
        if (night == null) {
            return false;
        }
        return night.date() == null
                ? touches(night.claimedFrom(), night.claimedTo(), from, to)
                : touches(night.date(), night.date(), from, to);
    }

    private static boolean touches(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        return (from == null || !end.isBefore(from)) && (to == null || !start.isAfter(to));
    }
}
