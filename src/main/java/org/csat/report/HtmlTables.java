package org.csat.report;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small HTML helpers for the report: escaping, a result as a table, a line chart as SVG. */
final class HtmlTables {
    private HtmlTables() {}

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        return value.toString()
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static String format(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            value = decimal.doubleValue();
        }
        if (value instanceof Double d) {
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.3f", d);
        }
        return value.toString();
    }

    /** The first {@code limit} rows of {@code result} as an HTML table. */
    static String table(Dataset<Row> result, int limit) {
        String[] columns = result.columns();
        List<Row> rows = result.limit(limit).collectAsList();
        StringBuilder html = new StringBuilder("<div class=\"scroll\"><table><thead><tr>");
        for (String column : columns) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Row row : rows) {
            html.append("<tr>");
            for (int i = 0; i < columns.length; i++) {
                Object value = row.get(i);
                html.append(value instanceof Number ? "<td class=\"n\">" : "<td>")
                        .append(escape(format(value)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    /**
     * A line chart: x labels along the bottom, one polyline per series, values scaled to the
     * series' common range. {@code series} rows are [name, value per x...]; nulls break the line.
     */
    static String lineChart(List<String> xLabels, List<String> names, List<Double[]> series, String yLabel) {
        int width = 760;
        int height = 240;
        int left = 50;
        int bottom = 30;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double[] values : series) {
            for (Double v : values) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return "<p>No data.</p>";
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        String[] colors = {"#d1495b", "#00798c", "#edae49", "#30638e", "#6a4c93"};
        double xStep = xLabels.size() > 1 ? (width - left - 70.0) / (xLabels.size() - 1) : 0;
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
                width,
                height,
                width,
                height));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" class=\"axis\">%s</text>", escape(yLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"30\" class=\"axis\">%s</text>", format(max)));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"4\" y=\"%d\" class=\"axis\">%s</text>", height - bottom, format(min)));
        for (int i = 0; i < xLabels.size(); i += Math.max(1, (xLabels.size() + 5) / 6)) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%s</text>",
                    left + i * xStep,
                    height - 8,
                    escape(xLabels.get(i))));
        }
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            Double[] values = series.get(s);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                double y = 20 + (height - bottom - 30) * (1 - (values[i] - min) / (max - min));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * xStep, y));
            }
            String color = colors[s % colors.length];
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                    color,
                    points.toString().strip()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\" class=\"legend\">%s</text>",
                    left + 90 + s * 140,
                    14,
                    color,
                    escape(names.get(s))));
        }
        return svg.append("</svg>").toString();
    }
}
