package org.csat.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csat.job.FailureReason;

/**
 * The one entry point of the jar, for bin/csat and spark-submit alike:
 * {@code csat <command> [options]}. Exit codes: 0 success, 1 the run failed (the reason is
 * the last line on stderr; the stack trace only with {@code --verbose}, and in the
 * {@code --log-file}), 2 the command line is wrong; {@code nightly} adds 3 and 4 (see its usage).
 */
public final class Main {
    private static final List<Command> COMMANDS = List.of(
            new NightlyCommand(),
            new GenerateCommand(),
            new QueryCommand(),
            new ReportCommand(),
            new MaintainCommand(),
            new EvaluateCommand(),
            new SettingsCommand());

    private Main() {}

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Map<String, Command> byName = new LinkedHashMap<>();
        COMMANDS.forEach(c -> byName.put(c.name(), c));
        GlobalOptions global;
        try {
            global = GlobalOptions.take(argv);
        } catch (UsageException e) {
            err.println("csat: " + e.getMessage());
            return 2;
        }
        argv = global.rest();
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            out.println(topLevelHelp(byName));
            return argv.length == 0 ? 2 : 0;
        }
        Command command = byName.get(argv[0]);
        if (command == null) {
            err.println("csat: unknown command '" + argv[0] + "'");
            err.println(topLevelHelp(byName));
            return 2;
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.println(command.usage());
            return 0;
        }
        try {
            Args args = Args.parse(rest, command.valuedOptions(), command.flags());
            ConsoleLogging.configure(global.verbose(), global.logFile());
            return command.run(args, out, err);
        } catch (UsageException e) {
            err.println("csat " + command.name() + ": " + e.getMessage());
            err.println(command.usage());
            return 2;
        } catch (Exception e) {
            ConsoleLogging.recordFailure("csat " + command.name() + " failed", e);
            if (global.verbose()) {
                e.printStackTrace(err);
            }
            err.println("csat " + command.name() + " failed: " + FailureReason.oneLine(e)
                    + (global.verbose() ? "" : "   (--verbose for the stack trace)"));
            return 1;
        }
    }

    private static String topLevelHelp(Map<String, Command> commands) {
        StringBuilder help = new StringBuilder(
                "usage: csat <command> [options]   (csat <command> --help for its options)\n\ncommands:\n");
        commands.values().forEach(c -> help.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        help.append("\noptions of every command:\n")
                .append("  --verbose        the libraries' warnings and full stack traces on the console\n")
                .append("  --log-file FILE  also write the log, and any failure's stack trace, to FILE\n")
                .append("\nexit codes: 0 ok, 1 failed, 2 wrong command line or configuration;")
                .append(" nightly also 3 (no input) and 4 (too much quarantined): csat nightly --help");
        return help.toString().stripTrailing();
    }
}
