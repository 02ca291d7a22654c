package org.csat.cli;

import java.util.Set;
import org.csat.config.Settings;

/**
 * {@code csat settings}: every setting with its documentation and the value in effect, as a
 * properties file. Without options it prints the defaults, which is how
 * {@code conf/csat.properties} is made.
 */
final class SettingsCommand implements Command {
    @Override
    public String name() {
        return "settings";
    }

    @Override
    public String summary() {
        return "print every setting with its documentation and the value in effect";
    }

    @Override
    public String usage() {
        return """
                usage: csat settings [--conf FILE] [--set key=value[;key=value...]]

                  --conf, --set  settings, as for nightly: checked, then printed with the values in effect

                Prints a properties file; without options, the defaults (conf/csat.properties).
                Exit code 0, or 2 when a setting is unknown or its value is invalid.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("conf", "set");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args) {
        args.requireNoPositional();
        System.out.print(Settings.render(NightlyCommand.loadConfig(args)));
        return 0;
    }
}
