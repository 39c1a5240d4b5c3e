package dev.paperlist.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for the web APIs {@code refresh} uses, on 127.0.0.1 at an ephemeral port: each path prefix
 * answers with its scripted replies in turn (the last repeats) or with a function of the request, after
 * an optional latency, and every request is recorded.
 */
public final class ApiStub implements AutoCloseable {
    /** A request as the server saw it. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One scripted answer; {@code sendBytes} &lt; 0 sends the whole body, else cuts it off there. */
    public record Reply(int status, Map<String, String> headers, byte[] body, int sendBytes, long delayMillis) {
        public static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                    body.getBytes(StandardCharsets.UTF_8), -1, 0);
        }

        public static Reply atom(String body) {
            return new Reply(200, Map.of("Content-Type", "application/atom+xml; charset=utf-8"),
                    body.getBytes(StandardCharsets.UTF_8), -1, 0);
        }

        public static Reply status(int status, Map<String, String> headers, String body) {
            return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8), -1, 0);
        }

        public Reply with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Reply(status, h, body, sendBytes, delayMillis);
        }

        public Reply cutAfter(int bytes) {
            return new Reply(status, headers, body, bytes, delayMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, sendBytes, millis);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripted = new LinkedHashMap<>();
    private final Map<String, Function<Request, Reply>> computed = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile long latencyMillis;

    public ApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "api-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Scripts the answers for requests whose path starts with {@code prefix}. */
    public synchronized ApiStub on(String prefix, Reply... replies) {
        scripted.computeIfAbsent(prefix, k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** Answers requests under {@code prefix} with a function of the request. */
    public synchronized ApiStub on(String prefix, Function<Request, Reply> answer) {
        computed.put(prefix, answer);
        return this;
    }

    public ApiStub latency(long millis) {
        latencyMillis = millis;
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public String url(String path) {
        return uri(path).toString();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String prefix) {
        return requests.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            Reply reply = null;
            synchronized (this) {
                requests.add(request);
                for (Map.Entry<String, Function<Request, Reply>> e : computed.entrySet()) {
                    if (request.path().startsWith(e.getKey())) {
                        reply = e.getValue().apply(request);
                    }
                }
                for (Map.Entry<String, Deque<Reply>> e : scripted.entrySet()) {
                    if (reply == null && request.path().startsWith(e.getKey())) {
                        Deque<Reply> q = e.getValue();
                        reply = q.size() > 1 ? q.poll() : q.peek();
                    }
                }
            }
            long wait = latencyMillis + (reply == null ? 0 : reply.delayMillis());
            if (wait > 0) {
                Thread.sleep(wait);
            }
            if (reply == null) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            Reply r = reply;
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean noBody = r.body().length == 0 || r.status() == 304;
            exchange.sendResponseHeaders(r.status(), noBody ? -1 : r.body().length);
            if (!noBody) {
                OutputStream out = exchange.getResponseBody();
                out.write(r.body(), 0, r.sendBytes() < 0 ? r.body().length : r.sendBytes());
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // The client gave up (a timeout test).
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
