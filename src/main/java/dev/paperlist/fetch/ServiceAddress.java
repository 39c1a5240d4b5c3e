package dev.paperlist.fetch;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Where a web service is: the command-line option when one is given, else its {@code PAPERLIST_*_API}
 * environment variable (for tests and mirrors) when it is set and not blank, else the public address.
 * Every command asks here, so that an empty variable means the public address for all of them.
 */
public final class ServiceAddress {
    private ServiceAddress() {}

    /**
     * The base URL from {@code option} (named {@code optionName} in messages; {@code null} when not given),
     * else from the {@code variable}, else {@code fallback}; a bad URL names where it came from.
     */
    public static URI of(String option, String optionName, Map<String, String> variables, String variable,
                         String fallback) {
        if (option != null) {
            return parse(option, optionName);
        }
        String value = variables.get(variable);
        return value == null || value.isBlank() ? parse(fallback, "the default API") : parse(value, variable);
    }

    /** The same without an option. */
    public static URI of(Map<String, String> variables, String variable, String fallback) {
        return of(null, null, variables, variable, fallback);
    }

    /** The arXiv API: {@code --arxiv-api}, else {@code $PAPERLIST_ARXIV_API}, else the public API. */
    public static URI arxiv(String option, Map<String, String> variables) {
        return of(option, "--arxiv-api", variables, "PAPERLIST_ARXIV_API", ArxivClient.DEFAULT_API);
    }

    /** Checks a base URL given on the command line or in the environment; {@code where} names its source. */
    public static URI parse(String text, String where) {
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
}
