package org.csat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command takes, wherever they stand on the command line: {@code --verbose}
 * and {@code --log-file FILE}. Taken out before the command parses the rest, so they need no
 * declaring in each command.
 */
record GlobalOptions(boolean verbose, Path logFile, String[] rest) {
    static GlobalOptions take(String[] argv) {
        boolean verbose = false;
        Path logFile = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String word = argv[i];
            if (word.equals("--verbose")) {
                verbose = true;
            } else if (word.equals("--log-file") || word.startsWith("--log-file=")) {
                String value = word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw new UsageException("--log-file needs a file");
                    }
                    value = argv[++i];
                }
                if (value.isBlank()) {
                    throw new UsageException("--log-file needs a file");
                }
                logFile = Path.of(value);
            } else {
                rest.add(word);
            }
        }
        return new GlobalOptions(verbose, logFile, rest.toArray(String[]::new));
    }
}
