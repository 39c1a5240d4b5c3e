package dev.paperlist.refresh;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.fetch.DblpClient;
import dev.paperlist.fetch.GitHubClient;
import dev.paperlist.fetch.Pacing;
import dev.paperlist.fetch.ScholarClient;
import dev.paperlist.fetch.ServiceAddress;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The web services of a refresh as the environment configures them: each base URL from its
 * {@code PAPERLIST_*_API} variable (for tests and mirrors) or the public one, the GitHub token from
 * {@code GITHUB_TOKEN} or the variable {@code --token-env} names, the Semantic Scholar key from
 * {@code SEMANTIC_SCHOLAR_API_KEY}; and the clock, which {@code SOURCE_DATE_EPOCH} fixes for reproducible runs.
 */
public final class Services {
    private Services() {}

    /** The clients; {@code tokenEnv} is the variable holding the GitHub token, or {@code null} for GITHUB_TOKEN. */
    public static Refresher.Clients from(Map<String, String> env, Pacing pacing, String tokenEnv, Supplier<Instant> clock) {
        String token;
        if (tokenEnv != null) {
            token = env.get(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new PaperlistException(ExitCode.USAGE, "paperlist refresh: --token-env " + tokenEnv
                        + ": that environment variable is not set or is empty");
            }
        } else {
            token = env.get("GITHUB_TOKEN");
        }
        String githubToken = token;
        return new Refresher.Clients(
                () -> new GitHubClient(ServiceAddress.of(env, "PAPERLIST_GITHUB_API", GitHubClient.DEFAULT_API), githubToken, pacing, clock),
                () -> new ArxivClient(ServiceAddress.arxiv(null, env), pacing),
                () -> new ScholarClient(ServiceAddress.of(env, "PAPERLIST_SEMANTIC_SCHOLAR_API", ScholarClient.DEFAULT_API),
                        env.get("SEMANTIC_SCHOLAR_API_KEY"), pacing),
                () -> new DblpClient(ServiceAddress.of(env, "PAPERLIST_DBLP_API", DblpClient.DEFAULT_API), pacing));
    }

    /** Now, or the instant {@code SOURCE_DATE_EPOCH} gives in seconds. */
    public static Supplier<Instant> clock(Map<String, String> env) {
        String epoch = env.get("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) {
            return Instant::now;
        }
        if (!epoch.strip().matches("\\d{1,12}")) {
            throw new PaperlistException(ExitCode.USAGE, "SOURCE_DATE_EPOCH must be seconds since 1970, got '"
                    + epoch + "'");
        }
        Instant fixed = Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        return () -> fixed;
    }
}
