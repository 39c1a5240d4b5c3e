package dev.paperlist.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol, with the JDK's WebSocket client and
 * Jackson: open a page, run JavaScript, type keys, click, take screenshots, and collect the page's
 * errors. Just enough of a browser driver for the site's tests, with no driver library to install.
 */
public final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final String session;

    private Chromium(Process process, Path profile, String browserUrl, int width, int height) throws IOException {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(browserUrl), new Listener()).join();
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        this.session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** The Chromium command of this machine: {@code $CHROMIUM}, else the first of the usual names on the PATH. */
    public static String executable() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    /** Starts headless Chromium with a fresh profile and a viewport of the given size. */
    public static Chromium launch(String executable, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("paperlist-chromium");
        List<String> command = List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        // Keep draining so that Chromium never blocks on a full pipe.
                        Thread drain = new Thread(() -> stderr.lines().forEach(l -> { }), "chromium-stderr");
                        drain.setDaemon(true);
                        drain.start();
                        return m.group(1);
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("Chromium exited before listening:\n" + seen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return new Chromium(process, profile, url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), width, height);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("could not start " + executable + ": " + e, e);
        }
    }

    /** Opens a URL and waits for its load event. */
    public void open(String url) {
        events.clear();
        send("Page.navigate", Map.of("url", url));
        awaitEvent("Page.loadEventFired");
    }

    /** The value of a JavaScript expression, awaited when it is a promise. */
    public JsonNode eval(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Types text key by key into the focused element, as a person would. */
    public void type(String text) {
        text.codePoints().forEach(cp -> {
            String key = new String(Character.toChars(cp));
            send("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", key, "text", key));
            send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key));
        });
    }

    /** Clicks the middle of the first element the CSS selector matches, with real mouse events. */
    public void click(String selector) {
        JsonNode box = eval("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            throw new IllegalStateException("nothing matches " + selector);
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", box.path("x").asDouble(),
                    "y", box.path("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    /** Clicks a link as {@link #click} does and waits for the page it opens to load. */
    public void follow(String selector) {
        events.clear();
        click(selector);
        awaitEvent("Page.loadEventFired");
    }

    /** Switches the emulated colour scheme, {@code light} or {@code dark}. */
    public void colorScheme(String scheme) {
        send("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves a PNG of the whole page, beyond the viewport, at most {@code maxHeight} pixels tall. */
    public void screenshot(Path file, int maxHeight) throws IOException {
        // From the top, so that the sticky header sits where a reader first sees it.
        eval("window.scrollTo(0, 0)");
        JsonNode metrics = send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        double width = metrics.path("width").asDouble();
        double height = Math.min(metrics.path("height").asDouble(), maxHeight);
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Errors the pages reported: uncaught exceptions and console or browser errors other than network ones. */
    public List<String> errors() {
        return new ArrayList<>(errors);
    }

    @Override
    public void close() throws IOException {
        try {
            call(null, "Browser.close", Map.of());
        } catch (RuntimeException ignored) {
            // The process is ended below either way.
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private JsonNode send(String method, Map<String, Object> params) {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.path("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer in " + TIMEOUT, e);
        } finally {
            pending.remove(id);
        }
    }

    private void awaitEvent(String method) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && method.equals(event.path("method").asText())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("no " + method + " within " + TIMEOUT);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reassembles frames into messages; replies complete their call, events queue up or become errors. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handle(JSON.readTree(text));
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        private void handle(JsonNode message) {
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.get(message.path("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
                return;
            }
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            if (method.equals("Runtime.exceptionThrown")) {
                errors.add("exception: " + params.path("exceptionDetails").path("exception").path("description").asText(
                        params.path("exceptionDetails").path("text").asText()));
            } else if (method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")
                    && !params.path("entry").path("source").asText().equals("network")) {
                errors.add(params.path("entry").path("source").asText() + ": " + params.path("entry").path("text").asText());
            } else if (method.equals("Runtime.consoleAPICalled") && params.path("type").asText().equals("error")) {
                errors.add("console.error: " + params.path("args"));
            }
            events.add(message);
        }
    }
}
