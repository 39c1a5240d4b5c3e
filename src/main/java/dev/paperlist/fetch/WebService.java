package dev.paperlist.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * One web service as the API clients (arXiv, DBLP, Semantic Scholar, GitHub) use it: a request with
 * timeouts and a body size limit, pacing between requests, and every way a request fails turned into one
 * line with exit code 4, named after the service. The whole body must arrive within the timeout.
 */
final class WebService {
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    static final String USER_AGENT = "paperlist (paper list maintenance tool)";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers and the whole body. */
    record Answer(int status, HttpHeaders headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        OptionalLong number(String name) {
            Optional<String> v = header(name);
            if (v.isPresent() && v.get().strip().matches("-?\\d{1,18}")) {
                return OptionalLong.of(Long.parseLong(v.get().strip()));
            }
            return OptionalLong.empty();
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final String name;
    private final int maxBodyBytes;
    private final String addressHint;
    private final String waitInterrupted;
    private final Pacing pacing;
    private final Duration interval;
    private final HttpClient http;
    private long lastRequestNanos;
    private boolean requested;
    private int requests;

    /**
     * @param name how messages name the service, such as {@code GitHub API}
     * @param interval the least time between two requests
     */
    WebService(String name, Pacing pacing, Duration interval) {
        this(name, pacing, interval, MAX_BODY_BYTES, "a mistyped API address", "interrupted while waiting");
    }

    /**
     * @param maxBodyBytes the largest body accepted
     * @param addressHint what an unknown host may be a mistake in, such as {@code a mistyped --arxiv-api}
     * @param waitInterrupted the message when a pause between requests is interrupted
     */
    WebService(String name, Pacing pacing, Duration interval, int maxBodyBytes, String addressHint,
            String waitInterrupted) {
        this.name = name;
        this.maxBodyBytes = maxBodyBytes;
        this.addressHint = addressHint;
        this.waitInterrupted = waitInterrupted;
        this.pacing = pacing;
        this.interval = interval;
        this.http = HttpClient.newBuilder()
                .connectTimeout(pacing.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** How many requests went out. */
    int requests() {
        return requests;
    }

    /** Sends one request, waiting first as long as the pacing and {@code extraWait} ask. */
    Answer send(HttpRequest.Builder builder, Duration extraWait) {
        pause(extraWait);
        HttpRequest request = builder.timeout(pacing.timeout()).header("User-Agent", USER_AGENT).build();
        URI uri = request.uri();
        AtomicBoolean headersReceived = new AtomicBoolean();
        lastRequestNanos = pacing.nanoTime().getAsLong();
        requested = true;
        requests++;
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> {
            headersReceived.set(true);
            return LimitedBody.refusingOver(maxBodyBytes);
        });
        try {
            // The request timeout covers the headers; this one also covers a body that stops arriving.
            HttpResponse<byte[]> response = future.get(pacing.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        } catch (ExecutionException e) {
            throw connectionFailure(uri, e.getCause(), headersReceived.get());
        }
    }

    void sleep(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            pacing.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(waitInterrupted);
        }
    }

    private void pause(Duration extra) {
        Duration wait = extra;
        if (requested) {
            Duration untilAllowed = interval.minus(Duration.ofNanos(pacing.nanoTime().getAsLong() - lastRequestNanos));
            if (untilAllowed.compareTo(wait) > 0) {
                wait = untilAllowed;
            }
        }
        sleep(wait);
    }

    private PaperlistException timeout(URI uri) {
        return failure("no answer from " + withoutQuery(uri) + " within " + seconds(pacing.timeout()));
    }

    /** Turns what the HTTP client threw into the one line a user reads. */
    PaperlistException connectionFailure(URI uri, Throwable cause, boolean headersReceived) {
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLarge) {
                return failure("the response is larger than " + (maxBodyBytes >> 20) + " MiB; refused");
            }
            if (t instanceof HttpConnectTimeoutException) {
                return failure("cannot connect to " + host + " within " + seconds(pacing.timeout()));
            }
            if (t instanceof HttpTimeoutException) {
                return timeout(uri);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return failure("cannot find the host " + uri.getHost() + " (no network, or " + addressHint + "?)");
            }
        }
        if (headersReceived) {
            return failure("the connection closed before the whole response arrived (a cut-off response)");
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return failure("cannot connect to " + host + " (connection refused or no network)");
            }
        }
        String message = cause == null ? "unknown error" : cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return failure("request to " + host + " failed: " + oneLine(message));
    }

    PaperlistException failure(String message) {
        return new PaperlistException(ExitCode.NETWORK, name + ": " + message);
    }

    /** An answer that is not retried: its status and the address without the query. */
    PaperlistException refused(Answer answer, URI uri) {
        return failure("HTTP " + answer.status() + " from " + withoutQuery(uri));
    }

    /**
     * How a client tries a busy service again: at most {@code tries} requests in all; an answer whose status
     * {@code busy} accepts is tried again after {@link #retryWait} with {@code maxWait} and {@code backoff};
     * {@code advice} ends the message when every answer was busy.
     */
    record Retries(int tries, IntPredicate busy, Duration maxWait, Duration backoff, String advice) {}

    /**
     * Sends the request until it is answered 200, and returns that answer. A busy answer is tried again as
     * {@code retries} says; any other fails, with the failure {@code refusal} makes of it, or when that is
     * {@code null}, as {@link #refused}.
     */
    Answer sendUntilOk(URI uri, Supplier<HttpRequest.Builder> request, Retries retries,
                       Function<Answer, PaperlistException> refusal) {
        return sendRetrying(request, retries.tries(), (answer, attempt) -> {
            if (answer.status() == 200) {
                return null;
            }
            if (!retries.busy().test(answer.status())) {
                PaperlistException own = refusal.apply(answer);
                throw own != null ? own : refused(answer, uri);
            }
            return retryWait(answer, attempt, retries.maxWait(), retries.backoff());
        }, last -> failure("HTTP " + last.status() + " " + retries.tries() + " times" + retries.advice()));
    }

    /** What a client makes of an answer: {@code null} to take it, else the pause before trying again; or it throws. */
    @FunctionalInterface
    interface RetryRule {
        Duration retryAfter(Answer answer, int attempt);
    }

    /**
     * The one retry loop of the API clients: sends the request, at most {@code tries} times, until
     * {@code rule} takes an answer, and returns it; {@code exhausted} is the failure made of the last answer
     * when every try was to be tried again.
     */
    Answer sendRetrying(Supplier<HttpRequest.Builder> request, int tries, RetryRule rule,
                        Function<Answer, PaperlistException> exhausted) {
        Duration wait = Duration.ZERO;
        Answer answer = null;
        for (int attempt = 1; attempt <= tries; attempt++) {
            answer = send(request.get(), wait);
            wait = rule.retryAfter(answer, attempt);
            if (wait == null) {
                return answer;
            }
        }
        throw exhausted.apply(answer);
    }

    /**
     * The pause before trying a busy service again: its Retry-After, or else {@code backoff} doubled for each
     * attempt made so far. Fails when the service asks for a longer pause than {@code maxWait}, as one
     * that is unavailable rather than to be waited for.
     */
    Duration retryWait(Answer answer, int attempt, Duration maxWait, Duration backoff) {
        Optional<Duration> asked = retryAfter(answer);
        if (asked.isPresent() && asked.get().compareTo(maxWait) > 0) {
            throw failure("HTTP " + answer.status() + ": the API asks to wait " + asked.get().toSeconds()
                    + " s; try again later");
        }
        return asked.orElse(backoff.multipliedBy(1L << (attempt - 1)));
    }

    /**
     * The body as a JSON object; {@code parserDetail} adds the parser's own words to the message when it is
     * not JSON.
     */
    JsonNode jsonObject(Answer answer, boolean parserDetail) {
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node == null || !node.isObject()) {
                throw failure("the response is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            String detail = parserDetail ? ": " + oneLine(e.getMessage()) : "";
            throw failure("the response is cut off or is not JSON" + detail);
        }
    }

    /** Retry-After as seconds or as an HTTP date, read against the response's own Date. */
    static Optional<Duration> retryAfter(Answer answer) {
        Optional<String> value = answer.header("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Optional<String> date = answer.header("Date");
            if (date.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime now = ZonedDateTime.parse(date.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(now, when);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String withoutQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

    /** A base URL with the path under it, whatever slashes either has. */
    static URI under(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }
}
