package dev.paperlist.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on a loopback address with a port of its own choosing, for link checks: each path
 * answers as scripted ({@link #route}), every request is recorded, and the most requests it ever had
 * open at once is counted, so tests can hold a checker to its limits.
 */
public final class LinkServer implements AutoCloseable {
    /** What a path answers. */
    @FunctionalInterface
    public interface Handler {
        Reply answer(String method, String path, String query) throws InterruptedException;
    }

    /** One answer: status, headers, body, and a pause before it. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), "", 0);
        }

        public static Reply redirect(int status, String location) {
            return new Reply(status, Map.of("Location", location), "", 0);
        }

        public static Reply body(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body, 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    /** A request as the server saw it. */
    public record Request(String method, String path, String query, String range) {}

    private final HttpServer server;
    private final String host;
    private final Map<String, Handler> routes = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final Gauge shared;

    /** Requests open at once over several servers, for a limit on all hosts together. */
    public static final class Gauge {
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        public int max() {
            return max.get();
        }
    }

    public LinkServer() {
        this(InetAddress.getLoopbackAddress(), new Gauge());
    }

    /** A server on one loopback address, such as 127.0.0.7: to a link checker, a host of its own. */
    public LinkServer(InetAddress address) {
        this(address, new Gauge());
    }

    /** The same, also counting its open requests in {@code shared}. */
    public LinkServer(InetAddress address, Gauge shared) {
        this.shared = shared;
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host = address.getHostAddress();
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "link-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public synchronized LinkServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public LinkServer route(String path, Reply reply) {
        return route(path, (m, p, q) -> reply);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String base() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /** The most requests this server was answering at the same moment. */
    public int maxOpen() {
        return maxOpen.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = open.incrementAndGet();
        maxOpen.accumulateAndGet(now, Math::max);
        shared.max.accumulateAndGet(shared.open.incrementAndGet(), Math::max);
        boolean counted = true;
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            Handler handler;
            synchronized (this) {
                requests.add(new Request(method, path, query, exchange.getRequestHeaders().getFirst("Range")));
                handler = routes.get(path);
                if (handler == null) {
                    int slash = path.lastIndexOf('/');
                    handler = routes.get(path.substring(0, slash + 1) + "*");
                }
            }
            Reply reply = handler == null ? Reply.status(404) : handler.answer(method, path, query);
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            // A request stops counting as open before its answer leaves, so the client cannot send its next
            // one (on a new connection) while this one still counts.
            counted = false;
            open.decrementAndGet();
            shared.open.decrementAndGet();
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            boolean none = body.length == 0 || method.equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), none ? -1 : body.length);
            if (!none) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // The client gave up (a timeout); nothing to answer any more.
        } finally {
            if (counted) {
                open.decrementAndGet();
                shared.open.decrementAndGet();
            }
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
