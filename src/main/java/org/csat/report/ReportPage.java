package org.csat.report;

import static org.csat.report.Html.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report as one HTML document that needs nothing else: its style, the sections' HTML, the
 * charts' data as JSON, ECharts and the script that draws every {@code div.chart} from that data
 * ({@code report/report.css} and {@code report/report.js} among the resources). Charts are drawn
 * as SVG without animation, so what a browser shows at load is final.
 */
final class ReportPage {
    private final StringBuilder body = new StringBuilder();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final String title;

    ReportPage(String title) {
        this.title = title;
    }

    ReportPage html(String html) {
        body.append(html);
        return this;
    }

    /** Chart data under {@code key} of the page's data object. */
    ReportPage data(String key, Object value) {
        data.put(key, value);
        return this;
    }

    String render() {
        return new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(title))
                .append("</title><style>")
                .append(resource("report/report.css"))
                .append("</style></head><body>\n")
                .append(body)
                .append("\n<script type=\"application/json\" id=\"report-data\">")
                .append(Scripts.json(data))
                .append("</script>\n<script>")
                .append(EchartsLibrary.script())
                .append("</script>\n<script>")
                .append(Scripts.inline(resource("report/report.js")))
                .append("</script>\n</body></html>\n")
                .toString();
    }

    private static String resource(String path) {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
