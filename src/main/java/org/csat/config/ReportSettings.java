package org.csat.config;

import java.io.Serializable;
import java.util.List;

/** The analysts' HTML report: {@code report.*}. */
public record ReportSettings(String output) implements Serializable {
    static final Setting<String> OUTPUT = Setting.optionalText(
            "report.output",
            "Where the nightly job writes the HTML report as its last step (a local path such as"
                    + " report/index.html, or any Hadoop path such as s3a://bucket/csat/report.html), replacing"
                    + " the file whole; a report that cannot be written fails the run after its tables are"
                    + " committed, and a re-run writes it. Blank: the job writes none and `bin/csat report`"
                    + " writes it on demand.");

    static final List<Setting<?>> DECLARED = List.of(OUTPUT);

    /** Whether the nightly job writes the report. */
    public boolean writesAfterNightly() {
        return output != null;
    }

    static ReportSettings from(PipelineConfig config) {
        return new ReportSettings(config.get(OUTPUT));
    }
}
