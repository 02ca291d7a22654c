package org.csat.cli;

import java.nio.file.Path;
import java.util.Set;
import org.csat.config.PipelineConfig;
import org.csat.report.RenderReport;
import org.csat.stage.SparkSessions;
import org.csat.tables.Warehouse;

/** {@code csat report}: writes the analysts' HTML report from the warehouse. */
final class ReportCommand implements Command {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write the HTML report (aggregates only, no message text) from the tables";
    }

    @Override
    public String usage() {
        return """
                usage: csat report [--warehouse DIR] [--out FILE]

                  --warehouse DIR  where the Delta tables live (default warehouse)
                  --out FILE       the HTML file to write (default report/index.html)""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("warehouse", "out");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        args.requireNoPositional();
        try (SparkSessions.Handle session = SparkSessions.open("csat report", PipelineConfig.defaults())) {
            Warehouse warehouse = new Warehouse(session.spark(), args.get("warehouse", "warehouse"));
            if (!warehouse.isPresent()) {
                throw new IllegalArgumentException(
                        "no warehouse at " + warehouse.root() + "; run bin/csat nightly first");
            }
            Path written = new RenderReport(session.spark(), warehouse)
                    .output(Path.of(args.get("out", "report/index.html")))
                    .execute();
            System.out.println("report written to " + written);
            return 0;
        }
    }
}
