package dev.paperlist.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperlist.model.ArxivId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks Semantic Scholar's batch endpoint ({@code POST /paper/batch}) about papers by arXiv id: where each
 * was published and how often it is cited. Up to {@link #BATCH} ids a request, one request a second (the
 * shared limit without a key); 429 and 5xx are retried, honouring Retry-After, {@link #MAX_TRIES} times.
 */
public final class ScholarClient {
    /** The Graph API root. */
    public static final String DEFAULT_API = "https://api.semanticscholar.org/graph/v1";
    public static final int BATCH = 500;
    static final int MAX_TRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final WebService.Retries RETRIES = new WebService.Retries(MAX_TRIES,
            status -> status == 429 || status >= 500, MAX_WAIT, Duration.ofSeconds(2),
            " (the API is busy or limiting requests); try again later, or set SEMANTIC_SCHOLAR_API_KEY");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Za-z]{1,9}(-[A-Z]{1,6})?");

    private final URI base;
    private final String key;
    private final WebService service;

    /** @param key the API key, or {@code null}; sent as {@code x-api-key}, never printed */
    public ScholarClient(URI base, String key, Pacing pacing) {
        this.base = base;
        this.key = key == null || key.isBlank() ? null : key.strip();
        this.service = new WebService("Semantic Scholar API", pacing, Duration.ofSeconds(1));
    }

    /**
     * What Semantic Scholar knows of one paper.
     *
     * @param venue a venue as lists write it, such as {@code ICML 2021}, or {@code null} for a preprint
     */
    public record Found(Integer citations, String venue) {}

    public int requests() {
        return service.requests();
    }

    /** The papers Semantic Scholar knows, by id; ids it does not know are left out. */
    public Map<ArxivId, Found> fetch(List<ArxivId> ids) {
        Map<ArxivId, Found> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<ArxivId> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("ids");
            batch.forEach(id -> list.add("ARXIV:" + id.id()));
            byte[] bytes;
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            JsonNode answer = post(bytes);
            if (!answer.isArray() || answer.size() != batch.size()) {
                throw service.failure("asked about " + batch.size() + (batch.size() == 1 ? " paper" : " papers")
                        + ", the answer has "
                        + (answer.isArray() ? answer.size() + " entries" : "no list"));
            }
            for (int i = 0; i < batch.size(); i++) {
                JsonNode paper = answer.get(i);
                if (paper == null || paper.isNull()) {
                    continue;
                }
                Integer citations = paper.hasNonNull("citationCount") && paper.get("citationCount").canConvertToInt()
                        ? paper.get("citationCount").asInt() : null;
                out.put(batch.get(i), new Found(citations, venue(paper).orElse(null)));
            }
        }
        return out;
    }

    /**
     * The venue with its year: the short name (ICML) when the venue has one among its alternate names, else
     * its name; nothing for arXiv itself or when the venue is not known.
     */
    static Optional<String> venue(JsonNode paper) {
        JsonNode pv = paper.path("publicationVenue");
        String name = pv.path("name").asText("");
        if (name.isEmpty()) {
            name = paper.path("venue").asText("");
        }
        if (name.isBlank() || name.toLowerCase(Locale.ROOT).contains("arxiv")
                || pv.path("type").asText("").equalsIgnoreCase("repository")) {
            return Optional.empty();
        }
        for (JsonNode alt : pv.path("alternate_names")) {
            String a = alt.asText("");
            if (ACRONYM.matcher(a).matches() && a.chars().filter(Character::isUpperCase).count() >= 2) {
                name = a;
                break;
            }
        }
        String year = paper.path("year").canConvertToInt() ? String.valueOf(paper.path("year").asInt()) : "";
        name = name.replaceAll("\\s+", " ").strip();
        return Optional.of(year.isEmpty() || name.contains(year) ? name : name + " " + year);
    }

    private JsonNode post(byte[] body) {
        URI uri = URI.create(WebService.under(base, "/paper/batch")
                + "?fields=venue,publicationVenue,year,citationCount,externalIds");
        WebService.Answer answer = service.sendUntilOk(uri, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (key != null) {
                request.header("x-api-key", key);
            }
            return request;
        }, RETRIES, refused -> refused.status() == 401 || refused.status() == 403 ? service.failure("HTTP "
                + refused.status() + ": the API key was refused; check SEMANTIC_SCHOLAR_API_KEY") : null);
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node == null) {
                throw service.failure("the response is empty");
            }
            return node;
        } catch (IOException e) {
            throw service.failure("the response is cut off or is not JSON");
        }
    }
}
