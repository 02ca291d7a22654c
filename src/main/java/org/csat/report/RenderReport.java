package org.csat.report;

import static org.csat.report.Html.count;
import static org.csat.report.Html.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.csat.config.ComparisonSettings;
import org.csat.ingest.IngestTranscripts;
import org.csat.stage.StageAction;
import org.csat.stage.StageContext;

/**
 * Writes the analysts' report: one self-contained HTML file that opens offline, charts drawn by
 * the bundled ECharts. The first screen is the answer (per metric the human-first baseline,
 * bot-first, the adjusted gap, its interval and the verdict, beside a dot-and-whisker chart of
 * the adjusted and raw gaps) and where the bot does worst; then the topics ranked by their gap
 * with the rest counted, weekly trends per cohort with the rollout marked, sentiment per cohort,
 * data quality, and when and from which run it was made. Aggregates only, never message text or
 * customer ids. Reads the tables by name; writes no table, only the file ({@code report.output}
 * when the nightly job calls it last, or {@code bin/csat report --out}), replaced whole so a
 * reader never sees half a report.
 */
public final class RenderReport extends StageAction<RenderReport.Result> {
    /** The file written, how many charts it draws, and its size. */
    public record Result(String output, int charts, long bytes) {}

    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** As Spark prints a timestamp in the session's UTC, so this run reads like the logged ones. */
    private static final DateTimeFormatter SECONDS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private String output;
    private IngestTranscripts.Result thisRunIngest;

    public RenderReport(StageContext context) {
        super(context);
    }

    /** The HTML file to write: a local path, or any Hadoop file system URI. */
    public RenderReport output(String output) {
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("the report needs an output file, got '" + output + "'");
        }
        this.output = output;
        return this;
    }

    /**
     * The counts of the run writing the report as its last step, which reach pipeline_runs only
     * when the run ends; without them the report says which logged run its tables come from.
     */
    public RenderReport thisRun(IngestTranscripts.Result ingest) {
        if (ingest == null) {
            throw new IllegalArgumentException("thisRun needs the run's ingest result");
        }
        this.thisRunIngest = ingest;
        return this;
    }

    @Override
    protected String jobGroup() {
        return "REPORT";
    }

    @Override
    protected String jobDescription() {
        return "write the HTML report";
    }

    @Override
    protected void checkReady() {
        if (output == null) {
            throw new IllegalStateException("RenderReport needs output(...) before execute()");
        }
    }

    @Override
    protected Result doExecute() throws IOException {
        warehouse().registerViews();
        ComparisonSettings settings = config().comparison();
        Answers answers = Answers.read(spark());
        TopicGaps topics = TopicGaps.read(
                spark(),
                settings.topicMinN(),
                answers.headline().map(a -> a.metric().name()).orElse(null));
        WeeklyTrends weekly = WeeklyTrends.read(spark(), answers.rollout());
        SentimentDistributions sentiment = SentimentDistributions.read(spark(), answers.rollout());
        LanguageCoverage languages = LanguageCoverage.read(spark());
        DataQuality quality = DataQuality.read(spark(), thisRunCounts());
        String html = new ReportPage("Bot vs human: customer satisfaction")
                .html(header(answers, quality))
                .html(new FirstScreen(answers, topics, settings.confidenceLevel()).html())
                .html(topics.sectionHtml())
                .html(weekly.html())
                .html(sentiment.html())
                .html(languages.html())
                .html(quality.html())
                .html(about(settings))
                .data("gaps", answers.chartData())
                .data("topics", topics.chartData())
                .data("weekly", weekly.chartData())
                .data("sentiment", sentiment.chartData())
                .data("languages", languages.chartData())
                .data("quality", quality.chartData())
                .render();
        int charts = answers.charted().size()
                + topics.charts()
                + weekly.charts()
                + sentiment.charts()
                + languages.charts()
                + quality.charts();
        return new Result(output, charts, write(html.getBytes(StandardCharsets.UTF_8)));
    }

    private DataQuality.RunCounts thisRunCounts() {
        if (thisRunIngest == null) {
            return null;
        }
        return new DataQuality.RunCounts(
                run().id(),
                "this run",
                SECONDS_UTC.format(run().startedAt().toInstant()),
                thisRunIngest.recordsRead(),
                thisRunIngest.recordsAccepted(),
                thisRunIngest.recordsQuarantined());
    }

    private String header(Answers answers, DataQuality quality) {
        Row span = spark().sql("SELECT min(date), max(date), count(*) FROM silver_conversations")
                .first();
        StringBuilder html =
                new StringBuilder("<header><h1>Bot vs human: customer satisfaction</h1><p class=\"meta\">");
        if (span.isNullAt(0)) {
            html.append("No conversations yet");
        } else {
            html.append(count(span.getLong(2)))
                    .append(" conversations, ")
                    .append(span.get(0))
                    .append(" to ")
                    .append(span.get(1));
        }
        html.append(" · ")
                .append(answers.rollout() == null ? "no bot rollout found" : "bot rollout " + answers.rollout());
        DataQuality.RunCounts latest = quality.latest();
        html.append(" · tables of run <code>")
                .append(escape(latest == null ? "(none logged)" : latest.runId()))
                .append("</code>")
                .append(thisRunIngest == null ? "" : ", written as its last step")
                .append(" · generated <time>")
                .append(UTC_MINUTE.format(Instant.now()))
                .append("</time></p></header>");
        return html.toString();
    }

    private String about(ComparisonSettings settings) {
        return "<footer><h2>About this report</h2><p>Gaps compare bot-first contacts (the bot answered first, "
                + "whether or not it handed over) with human-first contacts after the rollout, on comparable "
                + "contacts: " + escape(settings.primaryMethod()) + " adjustment over topic, language and "
                + "complexity, " + String.format(Locale.ROOT, "%.0f%%", 100 * settings.confidenceLevel())
                + " percentile intervals from " + settings.bootstrapReplicates() + " bootstrap replicates "
                + "clustered by customer, p-values from the same replicates. Topics are ranked with at least "
                + settings.topicMinN() + " conversations a side. Methods and every column: docs/comparison.md "
                + "and docs/tables.md; the same figures by SQL: <code>bin/csat query \"SELECT * FROM "
                + "gold_quality_drop\"</code>. Aggregates only: no message text, no customer ids. Warehouse "
                + "<code>" + escape(warehouse().root()) + "</code>; charts by Apache ECharts "
                + escape(EchartsLibrary.version()) + ", bundled.</p></footer>";
    }

    /** Writes the file whole: to a temporary sibling first, then renamed over the old one. */
    private long write(byte[] bytes) throws IOException {
        Path target = new Path(output);
        String scheme = target.toUri().getScheme();
        if (scheme == null || scheme.equals("file")) {
            java.nio.file.Path file = java.nio.file.Path.of(target.toUri().getPath());
            java.nio.file.Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            java.nio.file.Path temporary = parent.resolve("." + file.getFileName() + "." + run().id() + ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } else {
            FileSystem fs = target.getFileSystem(spark().sparkContext().hadoopConfiguration());
            Path temporary = new Path(target.getParent(), "." + target.getName() + "." + run().id() + ".tmp");
            try (OutputStream out = fs.create(temporary, true)) {
                out.write(bytes);
            }
            fs.delete(target, false);
            if (!fs.rename(temporary, target)) {
                fs.delete(temporary, false);
                throw new IOException("could not move the report into place at " + target);
            }
        }
        return bytes.length;
    }
}
