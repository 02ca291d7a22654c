package org.csat.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a report file in {@link Chromium}, offline, at 1400 x 900 CSS pixels, and reports what a
 * reader would hit: console errors, uncaught exceptions, errors the browser logs, any request
 * for something other than the file itself (the page must be self-contained), and per chart
 * whether it was drawn ({@code report/check-charts.js}). Screenshots go where asked.
 */
final class ReportInBrowser implements AutoCloseable {
    static final int WIDTH = 1400;
    static final int HEIGHT = 900;

    /** One chart as the page drew it. */
    record ChartCheck(
            String id, String kind, String metric, int width, int height, boolean instance, int points, int inside) {
        boolean drawn() {
            return instance && width > 0 && height > 0 && points > 0 && inside > 0;
        }
    }

    private final Chromium chromium;

    private ReportInBrowser(Chromium chromium) {
        this.chromium = chromium;
    }

    static ReportInBrowser open(Path report) throws Exception {
        Chromium chromium = Chromium.launch();
        try {
            chromium.send("Runtime.enable");
            chromium.send("Log.enable");
            chromium.send("Network.enable");
            chromium.send("Page.enable");
            chromium.send(
                    "Network.emulateNetworkConditions",
                    Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            chromium.send(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            chromium.clearEvents();
            chromium.send("Page.navigate", Map.of("url", report.toUri().toString()));
            chromium.awaitEvent("Page.loadEventFired");
            return new ReportInBrowser(chromium);
        } catch (Exception e) {
            chromium.close();
            throw e;
        }
    }

    /** What went wrong so far: console errors, exceptions, logged errors, requests leaving the file. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (JsonNode event : chromium.events()) {
            JsonNode params = event.path("params");
            switch (event.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    String type = params.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        problems.add("console." + type + ": " + params.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> problems.add("uncaught: " + params.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    if (params.path("entry").path("level").asText().equals("error")) {
                        problems.add("browser log: "
                                + params.path("entry").path("text").asText());
                    }
                }
                case "Network.requestWillBeSent" -> {
                    String url = params.path("request").path("url").asText();
                    if (!url.startsWith("file:") && !url.startsWith("data:")) {
                        problems.add("request outside the file: " + url);
                    }
                }
                case "Network.loadingFailed" -> problems.add("load failed: " + params);
                default -> {}
            }
        }
        return problems;
    }

    List<ChartCheck> charts() throws Exception {
        List<ChartCheck> charts = new ArrayList<>();
        for (JsonNode c : chromium.evaluate(resource("report/check-charts.js"))) {
            charts.add(new ChartCheck(
                    c.path("id").asText(),
                    c.path("kind").asText(),
                    c.path("metric").isNull() ? null : c.path("metric").asText(),
                    c.path("width").asInt(),
                    c.path("height").asInt(),
                    c.path("instance").asBoolean(),
                    c.path("points").asInt(),
                    c.path("inside").asInt()));
        }
        return charts;
    }

    /** Clicks every metric button of every switch in turn; returns each redrawn chart's check. */
    Map<String, ChartCheck> clickEverySwitch() throws Exception {
        Map<String, ChartCheck> redrawn = new LinkedHashMap<>();
        int buttons = chromium.evaluate("document.querySelectorAll('div.switch button').length")
                .asInt();
        for (int i = 0; i < buttons; i++) {
            JsonNode clicked = chromium.evaluate("(() => { const b = document.querySelectorAll('div.switch button')["
                    + i + "]; b.click(); return b.closest('div.switch').dataset.for + '/' + b.dataset.metric; })()");
            String chartId = clicked.asText().substring(0, clicked.asText().indexOf('/'));
            for (ChartCheck chart : charts()) {
                if (chart.id().equals(chartId)) {
                    redrawn.put(clicked.asText(), chart);
                }
            }
        }
        return redrawn;
    }

    /** Where an element's bottom edge is, in CSS pixels from the top of the page. */
    double bottomOf(String selector) throws Exception {
        return chromium.evaluate("document.querySelector('" + selector + "').getBoundingClientRect().bottom + scrollY")
                .asDouble();
    }

    void screenshotFirstScreen(Path file) throws Exception {
        png(file, chromium.send("Page.captureScreenshot", Map.of("format", "png")));
    }

    void screenshotWholePage(Path file) throws Exception {
        double height = chromium.send("Page.getLayoutMetrics")
                .path("cssContentSize")
                .path("height")
                .asDouble();
        png(
                file,
                chromium.send(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of("x", 0, "y", 0, "width", WIDTH, "height", height, "scale", 1))));
    }

    private static void png(Path file, JsonNode screenshot) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(screenshot.path("data").asText()));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ReportInBrowser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
