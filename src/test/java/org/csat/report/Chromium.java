package org.csat.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium}, or {@code -Dchromium.binary}) driven over
 * its DevTools protocol with Java's own WebSocket client: one page, commands answered by id,
 * every event kept in order. The browser runs with a fresh profile, no network services and no
 * sandbox (as root in CI), on a DevTools port from {@code -Dchromium.port} (default 47231) up.
 * Closing it closes the browser, kills what is left of its processes and deletes the profile.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    static Chromium launch() throws IOException, InterruptedException {
        String binary = binary();
        int port = freePort(Integer.getInteger("chromium.port", 47231));
        Path profile = Files.createTempDirectory("csat-chromium-");
        Process process = new ProcessBuilder(
                        binary,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=" + port,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String page = pageSocketUrl(port, process);
            Chromium chromium = new Chromium(process, profile);
            chromium.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(page), chromium.listener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return chromium;
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            deleteTree(profile);
            throw new IOException("Chromium (" + binary + ") did not come up on DevTools port " + port, e);
        }
    }

    /** Sends a command and waits for its result; a protocol error becomes an exception. */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    JsonNode send(String method) throws Exception {
        return send(method, Map.of());
    }

    /** Waits until an event named {@code method} has arrived (counting those already in). */
    JsonNode awaitEvent(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (events) {
            while (true) {
                for (JsonNode event : events) {
                    if (method.equals(event.path("method").asText())) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + method + " event within " + TIMEOUT);
                }
                events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Every event so far, in order of arrival. */
    List<JsonNode> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    void clearEvents() {
        synchronized (events) {
            events.clear();
        }
    }

    /** Evaluates an expression in the page and returns its value (promises awaited). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result =
                send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private WebSocket.Listener listener() {
        StringBuilder partial = new StringBuilder();
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    receive(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("DevTools sent something that is not JSON: " + text, e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer =
                    pending.remove(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else {
            synchronized (events) {
                events.add(message);
                events.notifyAll();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send("Browser.close");
        } catch (Exception e) {
            // the browser may already be gone; it is killed below either way
        }
        socket.abort();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            deleteTree(profile);
        }
    }

    private static String binary() {
        String given = System.getProperty("chromium.binary");
        if (given != null) {
            return given;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new IllegalStateException("no Chromium found on PATH: install Debian's chromium "
                + "(apt-get install -y chromium, as .ci/run does) or pass -Dchromium.binary=/path/to/chrome");
    }

    private static int freePort(int first) throws IOException {
        for (int port = first; port < first + 50; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free DevTools port from " + first + " to " + (first + 49));
    }

    /** The WebSocket of the browser's first page, once DevTools answers on {@code port}. */
    private static String pageSocketUrl(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with code " + process.exitValue());
            }
            try {
                for (JsonNode target : JSON.readTree(
                        http.send(list, HttpResponse.BodyHandlers.ofString()).body())) {
                    if ("page".equals(target.path("type").asText())) {
                        return target.get("webSocketDebuggerUrl").asText();
                    }
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new IOException("DevTools did not list a page within " + TIMEOUT, last);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
