package dev.paperlist.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks a paper up by title in DBLP's publication search ({@code search/publ/api}), the fallback for
 * venues. Hits in {@code journals/corr} are DBLP's copies of arXiv preprints and are ignored; only a hit
 * whose title is the paper's title (letters and digits compared) counts. One request a second.
 */
public final class DblpClient {
    public static final String DEFAULT_API = "https://dblp.org/search/publ/api";
    static final int MAX_TRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final WebService.Retries RETRIES = new WebService.Retries(MAX_TRIES,
            status -> status == 429 || status >= 500, MAX_WAIT, Duration.ofSeconds(2), "; try again later");

    private final URI base;
    private final WebService service;

    public DblpClient(URI base, Pacing pacing) {
        this.base = base;
        this.service = new WebService("DBLP API", pacing, Duration.ofSeconds(1));
    }

    public int requests() {
        return service.requests();
    }

    /** The venue and year of the published paper with this title, such as {@code ICLR 2024}. */
    public Optional<String> venue(String title) {
        String separator = base.getRawQuery() == null ? "?" : "&";
        URI uri = URI.create(base + separator + "q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)
                + "&format=json&h=10");
        JsonNode root = get(uri);
        String wanted = letters(title);
        for (JsonNode hit : root.path("result").path("hits").path("hit")) {
            JsonNode info = hit.path("info");
            String key = info.path("key").asText("");
            if (key.startsWith("journals/corr/") || !letters(info.path("title").asText("")).equals(wanted)) {
                continue;
            }
            JsonNode venueNode = info.path("venue");
            String venue = venueNode.isArray() ? venueNode.path(0).asText("") : venueNode.asText("");
            if (venue.isBlank() || venue.equalsIgnoreCase("CoRR")) {
                continue;
            }
            String year = info.path("year").asText("");
            return Optional.of(venue.strip() + (year.isEmpty() || venue.contains(year) ? "" : " " + year));
        }
        return Optional.empty();
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private JsonNode get(URI uri) {
        WebService.Answer answer = service.sendUntilOk(uri,
                () -> HttpRequest.newBuilder(uri).header("Accept", "application/json").GET(), RETRIES, a -> null);
        return service.jsonObject(answer, false);
    }
}
