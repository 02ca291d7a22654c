package org.csat.cli;

import java.util.Set;
import org.csat.config.PipelineConfig;
import org.csat.report.RenderReport;
import org.csat.stage.Run;
import org.csat.stage.SparkSessions;
import org.csat.stage.StageContext;
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
                usage: csat report [--warehouse DIR] [--out FILE] [--conf FILE] [--set key=value[;key=value...]]

                  --warehouse DIR  where the Delta tables live (default warehouse)
                  --out FILE       the HTML file to write, a local path or any Hadoop URI (default report/index.html)
                  --conf FILE      a properties file overriding conf/csat.properties
                  --set k=v        override single settings, ';'-separated (e.g. cohort.topic_min_n=20)

                One self-contained page (charts bundled, opens offline): the answer per metric with its
                interval, where the bot is worse by topic, weekly trends, sentiment, data quality.
                The nightly job writes it as its last step when report.output is set.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("warehouse", "out", "conf", "set");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        args.requireNoPositional();
        PipelineConfig config = NightlyCommand.loadConfig(args);
        String output = args.get("out", "report/index.html");
        try (SparkSessions.Handle session = SparkSessions.open("csat report", config)) {
            Warehouse warehouse = new Warehouse(session.spark(), args.get("warehouse", "warehouse"));
            if (!warehouse.isPresent()) {
                throw new IllegalArgumentException(
                        "no warehouse at " + warehouse.root() + "; run bin/csat nightly first");
            }
            RenderReport.Result written = new RenderReport(
                            new StageContext(session.spark(), warehouse, config, Run.startingNow()))
                    .output(output)
                    .execute();
            System.out.printf(
                    "report written to %s (%d charts, %,d bytes)%n",
                    written.output(), written.charts(), written.bytes());
            return 0;
        }
    }
}
