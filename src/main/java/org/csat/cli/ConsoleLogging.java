package org.csat.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * What reaches the console: the libraries' own warnings (Spark, Hadoop, Parquet, Delta, CoreNLP)
 * only at ERROR unless {@code --verbose}, since a nightly run otherwise prints hundreds of lines
 * nobody can act on, while the pipeline's own warnings stay. With {@code --log-file} the same log
 * also goes to a file, and a failed command's stack trace goes there even without
 * {@code --verbose}. Applied to whatever Log4j configuration the JVM started with (bin/csat's
 * {@code conf/log4j2.properties}, or the cluster's under spark-submit).
 */
final class ConsoleLogging {
    static final String[] LIBRARIES = {
        "org.apache.spark",
        "org.apache.hadoop",
        "org.apache.parquet",
        "io.delta",
        "org.sparkproject",
        "edu.stanford.nlp"
    };
    private static final String FAILURES = "csat.failures";
    private static volatile boolean toFile;

    private ConsoleLogging() {}

    static void configure(boolean verbose, Path logFile) {
        for (String library : LIBRARIES) {
            Configurator.setLevel(library, verbose ? Level.WARN : Level.ERROR);
        }
        if (logFile != null) {
            addFile(logFile);
        }
    }

    /** Records a failure's stack trace in the log file, if one is set, and nowhere else. */
    static void recordFailure(String what, Throwable failure) {
        if (toFile) {
            Logger logger = LogManager.getLogger(FAILURES);
            logger.error(what, failure);
        }
    }

    private static void addFile(Path logFile) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        FileAppender file = FileAppender.newBuilder()
                .setName("csat-log-file")
                .withFileName(logFile.toAbsolutePath().toString())
                .withAppend(true)
                .setLayout(PatternLayout.newBuilder()
                        .withPattern("%d{ISO8601} %p %c: %m%n%ex")
                        .withConfiguration(config)
                        .build())
                .setConfiguration(config)
                .build();
        file.start();
        config.addAppender(file);
        config.getRootLogger().addAppender(file, null, null);
        LoggerConfig failures = new LoggerConfig(FAILURES, Level.ERROR, false);
        failures.addAppender(file, null, null);
        config.addLogger(FAILURES, failures);
        context.updateLoggers();
        toFile = true;
    }
}
