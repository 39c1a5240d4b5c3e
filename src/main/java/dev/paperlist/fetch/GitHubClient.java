package dev.paperlist.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperlist.metrics.RepoMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Fetches stars, archived flag, last push and default branch of GitHub repositories. With a token it
 * asks GraphQL for {@link #BATCH} repositories a query (aliases); without one it asks REST one repository
 * at a time, sending the entity tag of the refresh before so that an unchanged repository costs a 304.
 * A renamed repository is followed and reported, a deleted one is {@code missing}. When GitHub's rate
 * limit is used up (primary or secondary, or a Retry-After longer than {@link #MAX_WAIT}), fetching stops
 * and what was fetched so far is returned; every other failure is exit 4.
 */
public final class GitHubClient {
    /** The public REST root; GraphQL is at {@code /graphql} under it. */
    public static final String DEFAULT_API = "https://api.github.com";
    /** Repositories a GraphQL query asks for; a query of 100 simple repository lookups costs 1 point. */
    public static final int BATCH = 100;
    /** The longest wait for a Retry-After; a longer one stops the refresh instead. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    static final int MAX_TRIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final Supplier<Instant> clock;
    private final WebService service;
    private String exhausted;
    private int conditional;
    private int notModified;

    /**
     * @param token the token for GraphQL, or {@code null} for REST without one; never printed
     * @param clock the time recorded as each answer's fetch time
     */
    public GitHubClient(URI base, String token, Pacing pacing, Supplier<Instant> clock) {
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.clock = clock;
        this.service = new WebService("GitHub API", pacing, Duration.ZERO);
    }

    /**
     * What a fetch brought back.
     *
     * @param repos the fetched repositories, by the key asked for
     * @param stopped why fetching stopped before the end (the rate limit), or {@code null} when it did not
     * @param notModified how many REST answers were 304 Not Modified
     */
    public record Outcome(Map<String, RepoMetrics> repos, String stopped, int requests, int conditional,
                          int notModified) {}

    /** Thrown inside when the rate limit stops the run; never leaves this class. */
    private static final class BudgetSpent extends RuntimeException {
        BudgetSpent(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Fetches the repositories {@code keys} ({@code owner/name}, distinct ignoring case); {@code previous}
     * gives the entries of the refresh before (for the entity tag and the counts before), by key.
     *
     * @param progress told how many repositories are done after each request
     */
    public Outcome fetch(List<String> keys, Map<String, RepoMetrics> previous, IntConsumer progress) {
        Map<String, RepoMetrics> out = new LinkedHashMap<>();
        String stopped = null;
        try {
            if (token != null) {
                for (int from = 0; from < keys.size(); from += BATCH) {
                    List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
                    out.putAll(graphql(batch, previous));
                    progress.accept(out.size());
                }
            } else {
                for (String key : keys) {
                    out.put(key, rest(key, previous.get(key)));
                    progress.accept(out.size());
                }
            }
        } catch (BudgetSpent e) {
            stopped = e.getMessage();
        }
        return new Outcome(out, stopped, service.requests(), conditional, notModified);
    }

    // ---- GraphQL ----

    private Map<String, RepoMetrics> graphql(List<String> keys, Map<String, RepoMetrics> previous) {
        StringBuilder query = new StringBuilder("query {");
        for (int i = 0; i < keys.size(); i++) {
            String[] parts = keys.get(i).split("/", 2);
            query.append(" r").append(i).append(": repository(owner: ").append(literal(parts[0]))
                    .append(", name: ").append(literal(parts[1]))
                    .append(") { nameWithOwner stargazerCount isArchived pushedAt defaultBranchRef { name } }");
        }
        query.append(" rateLimit { remaining resetAt } }");
        ObjectNode body = JSON.createObjectNode().put("query", query.toString());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        WebService.Answer answer = call(() -> HttpRequest.newBuilder(WebService.under(base, "/graphql"))
                .header("Authorization", "bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), "GraphQL");
        JsonNode json = service.jsonObject(answer, true);
        JsonNode data = json.get("data");
        JsonNode errors = json.path("errors");
        Map<String, String> errorByAlias = new LinkedHashMap<>();
        for (JsonNode error : errors) {
            String type = error.path("type").asText("");
            if (type.equals("RATE_LIMITED")) {
                throw new BudgetSpent("GitHub's GraphQL rate limit is used up" + resetText(answer));
            }
            JsonNode path = error.path("path");
            if (path.isArray() && path.size() > 0) {
                errorByAlias.put(path.get(0).asText(), type.isEmpty() ? error.path("message").asText("") : type);
            }
        }
        if (data == null || !data.isObject()) {
            String message = errors.isArray() && errors.size() > 0 ? errors.get(0).path("message").asText("") : "";
            throw service.failure("GraphQL answered without data" + (message.isEmpty() ? "" : ": "
                    + WebService.oneLine(message)));
        }
        Instant now = clock.get();
        Map<String, RepoMetrics> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            RepoMetrics before = previous.get(key);
            JsonNode repo = data.get("r" + i);
            if (repo == null || repo.isNull()) {
                String error = errorByAlias.get("r" + i);
                if (error == null) {
                    throw service.failure("GraphQL answered nothing about " + key + " (a cut-off response?)");
                }
                out.put(key, missing(before, now));
                continue;
            }
            String full = repo.path("nameWithOwner").asText(key);
            out.put(key, found(key, full, intOrNull(repo.get("stargazerCount")), repo.path("isArchived").asBoolean(false),
                    date(repo.path("pushedAt").asText(null)), repo.path("defaultBranchRef").path("name").asText(null),
                    now, null, before));
        }
        return out;
    }

    /** A GraphQL string literal; owner and name are already limited to letters, digits and {@code ._-}. */
    private static String literal(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- REST ----

    private RepoMetrics rest(String key, RepoMetrics before) {
        String etag = before == null ? null : before.etag();
        WebService.Answer answer = call(() -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(WebService.under(base, "/repos/" + key))
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .GET();
            if (etag != null) {
                conditional++;
                b.header("If-None-Match", etag);
            }
            return b;
        }, key);
        Instant now = clock.get();
        if (answer.status() == 304 && before != null) {
            notModified++;
            return new RepoMetrics(before.status(), before.renamedTo(), before.stars(), before.stars(),
                    before.archived(), before.pushed(), before.branch(), now, before.etag());
        }
        if (answer.status() == 404 || answer.status() == 410 || answer.status() == 451) {
            return missing(before, now);
        }
        JsonNode repo = service.jsonObject(answer, true);
        return found(key, repo.path("full_name").asText(key), intOrNull(repo.get("stargazers_count")),
                repo.path("archived").asBoolean(false), date(repo.path("pushed_at").asText(null)),
                repo.path("default_branch").asText(null), now, answer.header("ETag").orElse(null), before);
    }

    // ---- both ----

    private static RepoMetrics found(String key, String fullName, Integer stars, boolean archived, LocalDate pushed,
                                     String branch, Instant now, String etag, RepoMetrics before) {
        boolean renamed = !fullName.equalsIgnoreCase(key);
        return new RepoMetrics(renamed ? RepoMetrics.Status.RENAMED : RepoMetrics.Status.OK, renamed ? fullName : null,
                stars, before == null ? null : before.stars(), archived, pushed, branch, now, etag);
    }

    private static RepoMetrics missing(RepoMetrics before, Instant now) {
        return new RepoMetrics(RepoMetrics.Status.MISSING, null, null, before == null ? null : before.stars(), null, null,
                null, now, null);
    }

    /**
     * One request with the retries: 5xx and short Retry-After waits are retried; a spent rate limit stops
     * the run; 401 and other refusals fail it. {@code what} names the request in messages.
     */
    private WebService.Answer call(Supplier<HttpRequest.Builder> request, String what) {
        return service.sendRetrying(() -> {
            if (exhausted != null) {
                throw new BudgetSpent(exhausted);
            }
            return request.get();
        }, MAX_TRIES, (answer, attempt) -> {
            int status = answer.status();
            if (status == 200 || status == 304 || status == 404 || status == 410 || status == 451) {
                spentAfter(answer);
                return null;
            }
            if (status == 401) {
                throw service.failure("HTTP 401: the token was refused (bad credentials or expired); check the token"
                        + " variable");
            }
            if (status == 403 || status == 429) {
                Optional<Duration> asked = WebService.retryAfter(answer);
                OptionalLong remaining = answer.number("X-RateLimit-Remaining");
                if (asked.isPresent()) {
                    if (asked.get().compareTo(MAX_WAIT) > 0 || attempt == MAX_TRIES) {
                        throw new BudgetSpent("GitHub asks to wait " + asked.get().toSeconds()
                                + " s (secondary rate limit)");
                    }
                    return asked.get();
                }
                if (remaining.isPresent() && remaining.getAsLong() == 0) {
                    throw new BudgetSpent("GitHub's rate limit is used up" + resetText(answer));
                }
                if (status == 429 || answer.text().toLowerCase(Locale.ROOT).contains("rate limit")) {
                    throw new BudgetSpent("GitHub's secondary rate limit stopped the run" + resetText(answer));
                }
                throw service.failure("HTTP 403 for " + what + ": " + message(answer));
            }
            if (status >= 500) {
                return Duration.ofSeconds(1L << (attempt - 1));
            }
            throw service.failure("HTTP " + status + " for " + what + ": " + message(answer));
        }, last -> service.failure("HTTP " + last.status() + " " + MAX_TRIES + " times for " + what
                + " (GitHub is failing or busy); try again later"));
    }

    // A success that says the budget is now 0 counts; the next request would not, so it is not sent.
    private void spentAfter(WebService.Answer answer) {
        OptionalLong remaining = answer.number("X-RateLimit-Remaining");
        if (remaining.isPresent() && remaining.getAsLong() <= 0) {
            exhausted = "GitHub's rate limit is used up" + resetText(answer);
        }
    }

    private static String resetText(WebService.Answer answer) {
        OptionalLong reset = answer.number("X-RateLimit-Reset");
        if (reset.isEmpty()) {
            return "";
        }
        return " until " + Instant.ofEpochSecond(reset.getAsLong()).atOffset(ZoneOffset.UTC).toLocalTime()
                + " UTC";
    }

    private static String message(WebService.Answer answer) {
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node != null && node.hasNonNull("message")) {
                return WebService.oneLine(node.get("message").asText());
            }
        } catch (IOException e) {
            // Not JSON; the status says enough.
        }
        return "(no details)";
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || !node.canConvertToInt() ? null : node.asInt();
    }

    private static LocalDate date(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
