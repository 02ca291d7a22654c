package org.csat.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prepares the output directory ({@code --out}). Day directories ({@code YYYY-MM-DD})
 * that already hold generated files are refused unless overwrite is on
 * ({@code --overwrite}); then only the generated files in them are deleted (and a day
 * directory left empty), so nothing else that lives there is touched.
 */
final class OutputDirectory {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private OutputDirectory() {}

    static void prepare(Path root, boolean overwrite) throws IOException {
        Files.createDirectories(root);
        List<Path> generated = generatedFiles(root);
        if (generated.isEmpty()) {
            return;
        }
        if (!overwrite) {
            throw new IllegalArgumentException("output directory " + root + " already holds generated files (e.g. "
                    + root.relativize(generated.get(0)) + "); pass overwrite(true) / --overwrite to replace them");
        }
        for (Path file : generated) {
            Files.delete(file);
            Path day = file.getParent();
            try (Stream<Path> left = Files.list(day)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(day);
                }
            }
        }
    }

    private static List<Path> generatedFiles(Path root) throws IOException {
        List<Path> generated = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path day : children.sorted().toList()) {
                if (!Files.isDirectory(day)
                        || !DAY.matcher(day.getFileName().toString()).matches()) {
                    continue;
                }
                try (Stream<Path> files = Files.list(day)) {
                    files.sorted().filter(OutputDirectory::isGenerated).forEach(generated::add);
                }
            }
        }
        return generated;
    }

    private static boolean isGenerated(Path file) {
        String name = file.getFileName().toString();
        for (OutputFormat format : OutputFormat.values()) {
            if (format.isGeneratedFileName(name)) {
                return true;
            }
        }
        return false;
    }
}
