package org.csat.cli;

/**
 * One sub-command of {@code bin/csat}. {@link Main} picks it by name, hands it the
 * remaining arguments and turns its return value into the process exit code.
 */
interface Command {

    /** The word typed after {@code bin/csat}. */
    String name();

    /** One line for the top-level help. */
    String summary();

    /** Full usage text printed by {@code --help}. */
    String usage();

    /** Names of the options that take a value (without {@code --}). */
    java.util.Set<String> valuedOptions();

    /** Names of the options that take none (none, unless a command says otherwise). */
    default java.util.Set<String> flags() {
        return java.util.Set.of();
    }

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 on success
     * @throws UsageException when the arguments are wrong (printed with the usage, exit 2)
     */
    int run(Args args) throws Exception;

    /** Runs the command writing its report to {@code out} and {@code err}; most commands print to the console directly. */
    default int run(Args args, java.io.PrintStream out, java.io.PrintStream err) throws Exception {
        return run(args);
    }
}
