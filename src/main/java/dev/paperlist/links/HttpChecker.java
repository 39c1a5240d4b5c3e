package dev.paperlist.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.fetch.LimitedBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Checks URLs over HTTP: a GET of one byte ({@code Range: bytes=0-0}), a HEAD when the server refuses
 * the GET (405, 501), redirects followed one hop at a time (each hop a job of its own host, so the
 * per-host limit holds for every request), and the doi.org handle API for DOIs. Every request has a
 * timeout that covers the headers and the little of the body that is read.
 */
final class HttpChecker implements AutoCloseable {
    static final int MAX_REDIRECTS = 10;
    private static final int BODY_LIMIT = 64 * 1024;
    static final Duration SETTLE = Duration.ofMillis(250);
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; paperlist links)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostScheduler scheduler;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean answered = new AtomicBoolean();

    HttpChecker(int global, int perHost, Duration timeout, Clock clock) {
        this.scheduler = new HostScheduler(global, perHost);
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** How many requests were sent. */
    int requests() {
        return requests.get();
    }

    /** Whether any server answered at all (any status, a TLS handshake, a slow body). */
    boolean anyAnswer() {
        return answered.get();
    }

    /** Queues the check of one http(s) URL. */
    CompletableFuture<LinkResult> check(String url) {
        CompletableFuture<LinkResult> result = new CompletableFuture<>();
        URI uri = URI.create(url);
        Probe probe = new Probe(result, new HashSet<>());
        probe.visited.add(url);
        schedule(probe, uri, "GET", 0, null, true);
        return result;
    }

    private record Probe(CompletableFuture<LinkResult> result, Set<String> visited) {}

    private void schedule(Probe probe, URI uri, String method, int hops, String movedTo, boolean permanentSoFar) {
        scheduler.submit(hostKey(uri), () -> {
            try {
                hop(probe, uri, method, hops, movedTo, permanentSoFar);
            } catch (RuntimeException e) {
                probe.result.completeExceptionally(e);
            }
        });
    }

    static String hostKey(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private void hop(Probe probe, URI uri, String method, int hops, String movedTo, boolean permanentSoFar) {
        HttpResponse<byte[]> response;
        try {
            response = send(uri, method, method.equals("GET"));
        } catch (Failure f) {
            probe.result.complete(LinkResult.broken(f.getMessage() + after(hops, uri), clock.instant()));
            return;
        }
        int status = response.statusCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null || location.isBlank()) {
                probe.result.complete(LinkResult.broken("HTTP " + status + " without a Location" + after(hops, uri),
                        clock.instant()));
                return;
            }
            URI next;
            try {
                next = uri.resolve(new URI(location.strip().replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                probe.result.complete(LinkResult.broken("redirect to an invalid URL '" + location.strip() + "'",
                        clock.instant()));
                return;
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
                probe.result.complete(LinkResult.broken("redirect to a non-http URL " + next, clock.instant()));
                return;
            }
            String text = next.toString();
            if (text.indexOf('#') >= 0) {
                // The fragment never reaches the server.
                next = URI.create(text.substring(0, text.indexOf('#')));
            }
            if (!probe.visited.add(next.toString())) {
                probe.result.complete(LinkResult.broken("redirect loop (back to " + next + ")", clock.instant()));
                return;
            }
            if (hops + 1 > MAX_REDIRECTS) {
                probe.result.complete(LinkResult.broken("more than " + MAX_REDIRECTS + " redirects", clock.instant()));
                return;
            }
            boolean permanent = permanentSoFar && (status == 301 || status == 308);
            schedule(probe, next, method, hops + 1, permanent ? next.toString() : movedTo, permanent);
            return;
        }
        if ((status == 405 || status == 501) && method.equals("GET")) {
            schedule(probe, uri, "HEAD", hops, movedTo, permanentSoFar);
            return;
        }
        if (status >= 200 && status < 300 || status == 416) {
            probe.result.complete(movedTo != null ? LinkResult.moved(movedTo, clock.instant())
                    : LinkResult.alive(clock.instant()));
        } else if (status == 401 || status == 403 || status == 429) {
            probe.result.complete(LinkResult.unknown("HTTP " + status + after(hops, uri), clock.instant()));
        } else {
            probe.result.complete(LinkResult.broken("HTTP " + status + after(hops, uri), clock.instant()));
        }
    }

    private static String after(int hops, URI uri) {
        return hops == 0 ? "" : " (after redirects, at " + uri + ")";
    }

    /** Queues a lookup of {@code doi} in the doi.org handle API at {@code api}. */
    CompletableFuture<LinkResult> doi(URI api, String doi) {
        CompletableFuture<LinkResult> result = new CompletableFuture<>();
        URI uri;
        try {
            String base = api.getPath() == null ? "" : api.getPath().replaceAll("/+$", "");
            uri = new URI(api.getScheme(), api.getAuthority(), base + "/api/handles/" + doi, "type=URL", null);
        } catch (URISyntaxException e) {
            result.complete(LinkResult.broken("not a valid DOI", clock.instant()));
            return result;
        }
        scheduler.submit(hostKey(uri), () -> {
            try {
                result.complete(doiAnswer(uri));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private LinkResult doiAnswer(URI uri) {
        HttpResponse<byte[]> response;
        try {
            response = send(uri, "GET", false);
        } catch (Failure f) {
            return LinkResult.unknown("doi.org API: " + f.getMessage(), clock.instant());
        }
        int code = -1;
        try {
            JsonNode body = JSON.readTree(response.body());
            code = body == null ? -1 : body.path("responseCode").asInt(-1);
        } catch (IOException e) {
            // Not the API's JSON: reported with the status below.
        }
        if (code == 1 && response.statusCode() == 200) {
            return LinkResult.alive(clock.instant());
        }
        if (code == 100) {
            return LinkResult.broken("DOI not found (doi.org handle API: responseCode 100)", clock.instant());
        }
        if (code == 200) {
            return LinkResult.broken("DOI has no URL (doi.org handle API: responseCode 200)", clock.instant());
        }
        return LinkResult.unknown("doi.org API: HTTP " + response.statusCode()
                + (code < 0 ? ", not the handle API's JSON" : ", responseCode " + code), clock.instant());
    }

    /** Why a request got no HTTP answer, as the report states it. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private HttpResponse<byte[]> send(URI uri, String method, boolean range) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "*/*")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (range) {
            request.header("Range", "bytes=0-0");
        }
        requests.incrementAndGet();
        AtomicBoolean headers = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.build(), info -> {
            headers.set(true);
            answered.set(true);
            return LimitedBody.truncatedAt(BODY_LIMIT);
        });
        try {
            // The request's timeout covers the headers; this one also a body that stops coming.
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            settle();
            throw new Failure("timeout after " + seconds(timeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        } catch (ExecutionException e) {
            Failure failure = classify(e.getCause(), uri, headers.get());
            if (failure.getMessage().startsWith("timeout")) {
                settle();
            }
            throw failure;
        }
    }

    // The client closes a timed-out connection on its own threads; the host's slot is held a moment
    // longer so that the next request to the host does not open a connection before that one is gone.
    private static void settle() {
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Failure classify(Throwable cause, URI uri, boolean headersReceived) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new Failure("timeout connecting to " + uri.getHost() + " after " + seconds(timeout));
            }
            if (t instanceof HttpTimeoutException) {
                answered.set(true);
                return new Failure("timeout after " + seconds(timeout));
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new Failure("DNS: no such host " + uri.getHost());
            }
            if (t instanceof SSLException) {
                answered.set(true);
                return new Failure("TLS: " + oneLine(t.getMessage()));
            }
        }
        if (headersReceived) {
            return new Failure("the connection closed during the response");
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new Failure("connection refused by " + uri.getHost()
                        + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
            }
        }
        return new Failure("connection failed: " + oneLine(cause == null ? "unknown error"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
