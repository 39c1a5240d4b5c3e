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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A stand-in for the arXiv API on 127.0.0.1, built on the JDK's HttpServer: it answers each request with
 * the next scripted {@link Reply} (the last one repeats) and records the requests' query strings.
 */
public final class ArxivStub implements AutoCloseable {
    /**
     * One scripted answer.
     *
     * @param sendBytes how many bytes of the body to send before closing the connection, while the
     *        Content-Length announces the whole body; -1 sends it all
     * @param delayMillis how long to wait before answering
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, int sendBytes, long delayMillis) {
        public static Reply ok(byte[] body) {
            return new Reply(200, Map.of("Content-Type", "application/atom+xml; charset=utf-8"), body, -1, 0);
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, "Rate exceeded.".getBytes(StandardCharsets.UTF_8), -1, 0);
        }

        public Reply cutAfter(int bytes) {
            return new Reply(status, headers, body, bytes, delayMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, sendBytes, millis);
        }
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<String> queries = new ArrayList<>();

    public ArxivStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "arxiv-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/query", this::handle);
        server.start();
    }

    /** A response body from {@code src/test/resources/arxiv/}. */
    public static byte[] recorded(String name) {
        try {
            return Files.readAllBytes(Path.of("src", "test", "resources", "arxiv", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scripts the next answers, in order; the last is repeated for any further request. */
    public synchronized ArxivStub reply(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/query");
    }

    public synchronized List<String> queries() {
        return List.copyOf(queries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            queries.add(exchange.getRequestURI().getRawQuery());
            reply = replies.size() > 1 ? replies.poll() : replies.peek();
        }
        try {
            if (reply == null) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            OutputStream body = exchange.getResponseBody();
            int length = reply.sendBytes() < 0 ? reply.body().length : reply.sendBytes();
            body.write(reply.body(), 0, length);
            body.flush();
        } catch (IOException ignored) {
            // The client gave up (a timeout test); nothing to answer any more.
        } finally {
            // For a cut-off body, fewer bytes than announced were written, so this drops the connection.
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
