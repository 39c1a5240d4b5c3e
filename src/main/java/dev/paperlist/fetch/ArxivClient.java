package dev.paperlist.fetch;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.PartialDate;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches paper metadata from the arXiv API (or any server that answers like it). Several ids go in one
 * {@code id_list} request; requests are at least {@link #MIN_INTERVAL} apart, as arXiv asks; HTTP 429 and
 * 503 are retried, honouring Retry-After, {@link #MAX_TRIES} times in all. Every failure is a
 * {@link PaperlistException} with {@link ExitCode#NETWORK} and a one-line message.
 */
public final class ArxivClient {
    /** The public API. */
    public static final String DEFAULT_API = "https://export.arxiv.org/api/query";
    /** arXiv asks for no more than one request every three seconds. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(3);
    static final int MAX_TRIES = 3;
    /** A server that asks for a longer pause than this is treated as unavailable rather than waited for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final URI base;
    private final Pacing pacing;
    private final HttpClient http;
    private long lastRequestNanos;
    private boolean requested;

    public ArxivClient(URI base, Pacing pacing) {
        this.base = base;
        this.pacing = pacing;
        this.http = HttpClient.newBuilder()
                .connectTimeout(pacing.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Checks a base URL given on the command line or in the environment; {@code where} names its source. */
    public static URI baseUri(String text, String where) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // Reported below.
        }
        throw new PaperlistException(ExitCode.USAGE, where + " must be an http:// or https:// URL, got '" + text + "'");
    }

    /**
     * The entries for {@code ids}, in the order asked, from one request. Fails when any id has no entry,
     * when the API reports an error, or when it answers with a paper that was not asked for.
     */
    public Map<ArxivId, ArxivEntry> fetch(List<ArxivId> ids) {
        Lookup lookup = lookup(ids);
        if (lookup.error() != null) {
            throw failure("the API reported an error: " + lookup.error());
        }
        List<String> missing = new ArrayList<>();
        for (ArxivId id : ids) {
            if (!lookup.found().containsKey(id)) {
                missing.add(id.id());
            }
        }
        if (!missing.isEmpty()) {
            throw failure("arXiv has no paper " + String.join(", ", missing) + " (check the id)");
        }
        return lookup.found();
    }

    /**
     * The entries arXiv has for {@code ids}, in the order asked; an id without an entry is left out rather
     * than failing the request, for a refresh of a whole list that one mistyped id should not stop. Fails
     * when the request fails or the API reports an error.
     */
    public Map<ArxivId, ArxivEntry> fetchFound(List<ArxivId> ids) {
        Lookup lookup = lookup(ids);
        if (lookup.error() != null) {
            throw failure("the API reported an error: " + lookup.error());
        }
        return lookup.found();
    }

    /**
     * What one request says about {@code ids}.
     *
     * @param found the entries arXiv has, in the order asked; an id it does not have is absent
     * @param error the API's error entry (HTTP 200 with an entry titled "Error", as for a malformed id),
     *     one line, or {@code null}
     */
    public record Lookup(Map<ArxivId, ArxivEntry> found, String error) {}

    /**
     * The entries arXiv has for {@code ids}, from one request, without failing on ids it does not have.
     * Fails when the request fails or when the API answers with a paper that was not asked for.
     */
    public Lookup lookup(List<ArxivId> ids) {
        URI uri = queryUri(ids);
        byte[] body = get(uri);
        AtomFeed feed;
        try {
            feed = AtomFeed.parse(body);
        } catch (AtomFeed.Malformed e) {
            String where = e.line > 0 ? " (line " + e.line + ", column " + e.column + ")" : "";
            throw failure(e.doctype ? "the response was refused: " + e.getMessage() + where
                    : "the response is cut off or is not an arXiv Atom feed: " + e.getMessage() + where);
        }
        Map<ArxivId, ArxivEntry> found = new LinkedHashMap<>();
        for (AtomFeed.Entry raw : feed.entries()) {
            if (raw.isError()) {
                return new Lookup(Map.of(), oneLine(raw.summary() == null ? "(no details)" : raw.summary()));
            }
            ArxivEntry entry = entry(raw);
            if (!ids.contains(entry.id())) {
                throw failure("asked for " + describe(ids) + ", the answer is about " + entry.id());
            }
            found.put(entry.id(), entry);
        }
        Map<ArxivId, ArxivEntry> ordered = new LinkedHashMap<>();
        for (ArxivId id : ids) {
            ArxivEntry entry = found.get(id);
            if (entry != null) {
                ordered.put(id, entry);
            }
        }
        return new Lookup(ordered, null);
    }

    URI queryUri(List<ArxivId> ids) {
        StringBuilder list = new StringBuilder();
        for (ArxivId id : ids) {
            list.append(list.length() == 0 ? "" : ",").append(id.id());
        }
        String separator = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + "id_list=" + list + "&max_results=" + ids.size());
    }

    private ArxivEntry entry(AtomFeed.Entry raw) {
        ArxivId id = raw.id() == null ? null : ArxivId.parse(raw.id()).orElse(null);
        if (id == null) {
            throw failure("an entry has no arXiv id ('" + oneLine(String.valueOf(raw.id())) + "')");
        }
        String title = normalise(raw.title());
        if (title.isEmpty()) {
            throw failure("the entry for " + id + " has no title");
        }
        List<String> authors = new ArrayList<>();
        for (String author : raw.authors()) {
            String name = normalise(author);
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
        PartialDate submitted = null;
        String published = normalise(raw.published());
        if (published.length() >= 10) {
            submitted = PartialDate.parse(published.substring(0, 10)).orElse(null);
        }
        String abstractText = normalise(raw.summary());
        return new ArxivEntry(id, title, authors, abstractText.isEmpty() ? null : abstractText, submitted,
                emptyToNull(normalise(raw.comment())), emptyToNull(normalise(raw.journalRef())),
                emptyToNull(normalise(raw.doi())));
    }

    // One GET with the rate limit and the retries.
    private byte[] get(URI uri) {
        Duration wait = Duration.ZERO;
        int status = 0;
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            pause(wait);
            Answer answer = send(uri);
            status = answer.status;
            if (status == 200) {
                return answer.body;
            }
            if (status != 429 && status != 503) {
                throw failure("HTTP " + status + " from " + withoutQuery(uri));
            }
            Optional<Duration> asked = retryAfter(answer.response);
            if (asked.isPresent() && asked.get().compareTo(MAX_RETRY_AFTER) > 0) {
                throw failure("HTTP " + status + ": the API asks to wait " + asked.get().toSeconds()
                        + " s; try again later");
            }
            // Without Retry-After: 3 s, then 6 s; the rate limit makes every wait at least 3 s anyway.
            wait = asked.orElse(MIN_INTERVAL.multipliedBy(1L << (attempt - 1)));
        }
        throw failure("HTTP " + status + " " + MAX_TRIES + " times (the API is busy or limiting requests); "
                + "try again in a minute");
    }

    private void pause(Duration extra) {
        Duration wait = extra;
        if (requested) {
            Duration since = Duration.ofNanos(pacing.nanoTime().getAsLong() - lastRequestNanos);
            Duration untilAllowed = MIN_INTERVAL.minus(since);
            if (untilAllowed.compareTo(wait) > 0) {
                wait = untilAllowed;
            }
        }
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            pacing.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting to retry");
        }
    }

    private record Answer(int status, byte[] body, HttpResponse<byte[]> response) {}

    private Answer send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(pacing.timeout())
                .header("Accept", "application/atom+xml")
                .header("User-Agent", "paperlist (paper list maintenance tool)")
                .GET()
                .build();
        AtomicBoolean headersReceived = new AtomicBoolean();
        lastRequestNanos = pacing.nanoTime().getAsLong();
        requested = true;
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> {
            headersReceived.set(true);
            return LimitedBody.refusingOver(MAX_BODY_BYTES);
        });
        try {
            // The request timeout covers the headers; this one also covers a body that stops arriving.
            HttpResponse<byte[]> response = future.get(pacing.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body(), response);
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

    private PaperlistException timeout(URI uri) {
        return failure("no answer from " + withoutQuery(uri) + " within " + seconds(pacing.timeout()));
    }

    /** Turns what the HTTP client threw into the one line a user reads. */
    PaperlistException connectionFailure(URI uri, Throwable cause, boolean headersReceived) {
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLarge) {
                return failure("the response is larger than " + (MAX_BODY_BYTES >> 20) + " MiB; refused");
            }
            if (t instanceof HttpConnectTimeoutException) {
                return failure("cannot connect to " + host + " within " + seconds(pacing.timeout()));
            }
            if (t instanceof HttpTimeoutException) {
                return timeout(uri);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return failure("cannot find the host " + uri.getHost() + " (no network, or a mistyped --arxiv-api?)");
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

    /** Retry-After as seconds or as an HTTP date, which is read against the response's own Date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Optional<String> date = response.headers().firstValue("Date");
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

    private static String describe(List<ArxivId> ids) {
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(id.id()));
        return String.join(", ", names);
    }

    private static String withoutQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String normalise(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String oneLine(String text) {
        String s = normalise(text);
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

    private static PaperlistException failure(String message) {
        return new PaperlistException(ExitCode.NETWORK, "arXiv API: " + message);
    }
}
