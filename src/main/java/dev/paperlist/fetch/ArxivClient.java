package dev.paperlist.fetch;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.PartialDate;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    // Without Retry-After: 3 s, then 6 s; the rate limit makes every wait at least 3 s anyway.
    private static final WebService.Retries RETRIES = new WebService.Retries(MAX_TRIES,
            status -> status == 429 || status == 503, MAX_RETRY_AFTER, MIN_INTERVAL,
            " (the API is busy or limiting requests); try again in a minute");

    private final URI base;
    private final WebService service;

    public ArxivClient(URI base, Pacing pacing) {
        this.base = base;
        this.service = new WebService("arXiv API", pacing, MIN_INTERVAL, MAX_BODY_BYTES, "a mistyped --arxiv-api",
                "interrupted while waiting to retry");
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
                return new Lookup(Map.of(), WebService.oneLine(raw.summary() == null ? "(no details)" : raw.summary()));
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
            throw failure("an entry has no arXiv id ('" + WebService.oneLine(String.valueOf(raw.id())) + "')");
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
        return service.sendUntilOk(uri, () -> HttpRequest.newBuilder(uri).header("Accept", "application/atom+xml").GET(),
                RETRIES, answer -> null).body();
    }

    /** Turns what the HTTP client threw into the one line a user reads. */
    PaperlistException connectionFailure(URI uri, Throwable cause, boolean headersReceived) {
        return service.connectionFailure(uri, cause, headersReceived);
    }

    private static String describe(List<ArxivId> ids) {
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(id.id()));
        return String.join(", ", names);
    }

    static String normalise(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private PaperlistException failure(String message) {
        return service.failure(message);
    }
}
