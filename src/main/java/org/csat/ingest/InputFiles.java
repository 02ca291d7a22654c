package org.csat.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds the input files of a run on any Hadoop file system (local, HDFS, S3A...). Every
 * file below the input directory is a candidate, except hidden and marker files (names
 * starting with {@code .} or {@code _}). A night is a directory named {@code YYYY-MM-DD} or
 * {@code date=YYYY-MM-DD}; with a date range only files under such directories in range are
 * taken. Listing runs on the driver and holds only file names.
 */
final class InputFiles {
    private static final Pattern NIGHT = Pattern.compile("(?:^|/)(?:date=)?(\\d{4}-\\d{2}-\\d{2})(?:/|$)");

    /**
     * One file found: its full path, its night (null outside night folders), size and
     * modification time (what tells a changed file).
     */
    record Found(String path, LocalDate night, long size, long modifiedMillis) {}

    /**
     * The files to read, how many were left out for lying outside the date range, and how many
     * for having been read already ({@link IngestedFiles}).
     */
    record Listing(List<Found> found, int outsideRange, int alreadyIngested) {
        List<String> files() {
            return found.stream().map(Found::path).toList();
        }
    }

    private InputFiles() {}

    /**
     * @param from first night to take, or null for no lower bound
     * @param to   last night to take (inclusive), or null for no upper bound
     * @throws IllegalArgumentException when the input directory does not exist
     */
    static Listing list(String inputDir, LocalDate from, LocalDate to, Configuration hadoopConf) throws IOException {
        Path root = new Path(inputDir);
        FileSystem fs = root.getFileSystem(hadoopConf);
        if (!fs.exists(root)) {
            throw new IllegalArgumentException("input directory " + inputDir + " does not exist");
        }
        String rootPath = fs.getFileStatus(root).getPath().toUri().getPath();
        List<Found> files = new ArrayList<>();
        int outside = 0;
        RemoteIterator<LocatedFileStatus> it;
        try {
            it = fs.listFiles(root, true);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("input directory " + inputDir + " does not exist", e);
        }
        while (it.hasNext()) {
            LocatedFileStatus status = it.next();
            Path path = status.getPath();
            String relative = relative(rootPath, path.toUri().getPath());
            if (isHidden(relative)) {
                continue;
            }
            LocalDate night = nightOf(relative);
            if (from != null || to != null) {
                if (night == null || (from != null && night.isBefore(from)) || (to != null && night.isAfter(to))) {
                    outside++;
                    continue;
                }
            }
            files.add(new Found(path.toString(), night, status.getLen(), status.getModificationTime()));
        }
        files.sort(Comparator.comparing(Found::path));
        return new Listing(files, outside, 0);
    }

    /**
     * A Spark SQL expression for the night of a file path column: the last path directory
     * named {@code YYYY-MM-DD} or {@code date=YYYY-MM-DD}, as text, or null.
     */
    static String nightSql(String pathColumn) {
        return "nullif(regexp_extract(" + pathColumn + ", '^.*/(?:date=)?([0-9]{4}-[0-9]{2}-[0-9]{2})/', 1), '')";
    }

    static LocalDate nightOf(String relativePath) {
        Matcher m = NIGHT.matcher(relativePath);
        LocalDate night = null;
        while (m.find()) {
            try {
                night = LocalDate.parse(m.group(1));
            } catch (java.time.format.DateTimeParseException e) {
                night = null;
            }
        }
        return night;
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(String root, String path) {
        return path.startsWith(root) ? path.substring(root.length()).replaceFirst("^/", "") : path;
    }
}
