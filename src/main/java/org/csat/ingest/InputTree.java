package org.csat.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Walks an input directory and reports every file below it, and every entry that cannot be read
 * as a problem with its reason, so nothing in the tree is passed over without a trace. On the
 * local file system the walk is Java's (Hadoop's local listing silently drops a symbolic link
 * whose target is gone, and follows a link back to an ancestor until the path is too long): a
 * broken link, a link back into a folder being walked (followed once, never again), a
 * folder that cannot be listed and a device, pipe or socket each become a problem. Elsewhere
 * (HDFS, object stores: no links) folders are listed one by one, so one that cannot be listed
 * is a problem, not a failed run. Paths are reported as Hadoop path strings, the form the
 * readers open and bronze stores.
 */
final class InputTree {
    /** What the walk reports; {@code relative} is the path below the input directory. */
    interface Visitor {
        /** Whether a folder (not the input directory itself) is left out with everything in it. */
        boolean skipFolder(String name);

        /** A regular file, with its size and modification time. */
        void file(String path, String relative, long size, long modifiedMillis);

        void problem(String path, String relative, Reasons reason, String message);
    }

    private InputTree() {}

    /** @throws IllegalArgumentException when the input directory does not exist or is not a directory */
    static void walk(String inputDir, Configuration hadoopConf, Visitor visitor) throws IOException {
        Path root = new Path(inputDir);
        FileSystem fs = root.getFileSystem(hadoopConf);
        FileStatus rootStatus;
        try {
            rootStatus = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            // the sentence says it all; the file system's own message would repeat it
            throw new IllegalArgumentException("input directory " + inputDir + " does not exist");
        }
        if (!rootStatus.isDirectory()) {
            throw new IllegalArgumentException("input directory " + inputDir + " is a file, not a directory");
        }
        Path qualified = rootStatus.getPath();
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            walkLocal(fs, java.nio.file.Path.of(qualified.toUri()), visitor);
        } else {
            walkListing(fs, qualified, "", visitor, 0);
        }
    }

    private static void walkLocal(FileSystem fs, java.nio.file.Path root, Visitor visitor) throws IOException {
        Files.walkFileTree(
                root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(java.nio.file.Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && visitor.skipFolder(name(dir))
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
                        String relative = relative(root, file);
                        if (attrs.isSymbolicLink()) {
                            visitor.problem(
                                    hadoopPath(fs, file),
                                    relative,
                                    Reasons.BROKEN_LINK,
                                    "symbolic link to " + linkTarget(file)
                                            + ", which does not exist; restore the target" + " or remove the link");
                        } else if (attrs.isOther()) {
                            visitor.problem(
                                    hadoopPath(fs, file),
                                    relative,
                                    Reasons.NOT_A_REGULAR_FILE,
                                    "a device, pipe or socket, not a file: it cannot hold an export; remove it from the drop");
                        } else {
                            visitor.file(
                                    hadoopPath(fs, file),
                                    relative,
                                    attrs.size(),
                                    attrs.lastModifiedTime().toMillis());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) throws IOException {
                        if (file.equals(root)) {
                            throw e;
                        }
                        String relative = relative(root, file);
                        if (e instanceof FileSystemLoopException) {
                            visitor.problem(
                                    hadoopPath(fs, file),
                                    relative,
                                    Reasons.LINK_LOOP,
                                    "symbolic link back to " + linkTarget(file)
                                            + ", a folder already being read: its files"
                                            + " are read once, not again through this link; remove the link");
                        } else if (Files.isDirectory(file)) {
                            visitor.problem(
                                    hadoopPath(fs, file),
                                    relative,
                                    Reasons.UNREADABLE_FOLDER,
                                    "folder cannot be listed (" + describe(e) + "); fix its permissions and re-run");
                        } else {
                            visitor.problem(
                                    hadoopPath(fs, file),
                                    relative,
                                    Reasons.UNREADABLE_FILE,
                                    "file cannot be opened (" + describe(e) + "); fix access and re-run");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static void walkListing(FileSystem fs, Path dir, String relative, Visitor visitor, int depth)
            throws IOException {
        FileStatus[] children;
        try {
            children = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return; // removed after its parent was listed: nothing is in it any more
        } catch (IOException e) {
            if (relative.isEmpty()) {
                throw e;
            }
            visitor.problem(
                    dir.toString(),
                    relative,
                    Reasons.UNREADABLE_FOLDER,
                    "folder cannot be listed (" + describe(e) + "); fix its permissions and re-run");
            return;
        }
        Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            String childRelative = relative.isEmpty() ? name : relative + "/" + name;
            if (child.isDirectory()) {
                if (!visitor.skipFolder(name) && depth < 1000) {
                    walkListing(fs, child.getPath(), childRelative, visitor, depth + 1);
                }
            } else {
                visitor.file(child.getPath().toString(), childRelative, child.getLen(), child.getModificationTime());
            }
        }
    }

    /** The Hadoop path string of a local file: colons and other characters in the name are kept as they are. */
    static String hadoopPath(FileSystem fs, java.nio.file.Path file) {
        return fs.makeQualified(new Path(null, null, file.toAbsolutePath().toString()))
                .toString();
    }

    private static String relative(java.nio.file.Path root, java.nio.file.Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static String name(java.nio.file.Path path) {
        java.nio.file.Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }

    private static String linkTarget(java.nio.file.Path link) {
        try {
            return "'" + Files.readSymbolicLink(link) + "'";
        } catch (IOException | UnsupportedOperationException e) {
            return "a folder above it";
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (message == null ? "" : ": " + message);
    }
}
