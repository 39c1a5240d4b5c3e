package dev.paperlist.links;

import dev.paperlist.model.ArxivId;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is checked for a link, and the key it is checked and cached under. Spellings of the same thing
 * share a key: an arXiv id in any form ({@code arxiv:2402.12226}), a DOI in any doi.org URL
 * ({@code doi:10.1145/…}, lower case), and any other URL with its scheme and host in lower case, without
 * its fragment (which never reaches the server) and with non-ASCII characters percent-encoded.
 *
 * @param url the URL requested for {@link Kind#HTTP}; the key without its prefix for the others
 * @param repo {@code owner/name} when the URL is on github.com, so a refreshed repository status can
 *     stand in for a request; {@code null} otherwise
 * @param repoRest what follows {@code owner/name} in a github.com URL ({@code /tree/main/x}, or empty)
 * @param malformed why the URL cannot be requested at all, or {@code null}
 */
public record LinkTarget(Kind kind, String key, String url, String repo, String repoRest, String malformed) {
    /** How a link is checked. */
    public enum Kind {
        /** Requested over HTTP. */
        HTTP,
        /** Looked up in the arXiv API by id. */
        ARXIV,
        /** Looked up in the doi.org handle API. */
        DOI
    }

    private static final Pattern GITHUB_PATH = Pattern.compile("/([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100}?)(\\.git)?(/.*)?");

    /** The target of an {@code arxiv:} field of the catalogue. */
    public static LinkTarget arxiv(ArxivId id) {
        return new LinkTarget(Kind.ARXIV, "arxiv:" + id.id(), id.id(), null, null, null);
    }

    /** The target of a link, or empty when it is not an absolute http(s) URL (a relative or mailto: link). */
    public static Optional<LinkTarget> of(String text) {
        String s = text.strip();
        if (!s.regionMatches(true, 0, "http://", 0, 7) && !s.regionMatches(true, 0, "https://", 0, 8)) {
            return Optional.empty();
        }
        Optional<ArxivId> arxiv = ArxivId.parse(s);
        if (arxiv.isPresent()) {
            return Optional.of(arxiv(arxiv.get()));
        }
        URI uri;
        try {
            uri = asciiHost(new URI(s));
        } catch (URISyntaxException e) {
            return Optional.of(new LinkTarget(Kind.HTTP, s, s, null, null, "not a valid URL (" + e.getReason() + ")"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(new LinkTarget(Kind.HTTP, s, s, null, null, "not a valid URL (no host)"));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if ((host.equals("doi.org") || host.equals("dx.doi.org") || host.equals("www.doi.org"))
                && uri.getPath() != null && uri.getPath().startsWith("/10.")) {
            String doi = uri.getPath().substring(1).toLowerCase(Locale.ROOT);
            return Optional.of(new LinkTarget(Kind.DOI, "doi:" + doi, doi, null, null, null));
        }
        String key = scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (port < 0 ? "" : ":" + port)
                + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        key = URI.create(key).toASCIIString();
        String repo = null;
        String rest = null;
        if (host.equals("github.com") || host.equals("www.github.com")) {
            Matcher m = GITHUB_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if (m.matches()) {
                repo = m.group(1) + "/" + m.group(2);
                rest = m.group(4) == null || m.group(4).equals("/") ? "" : m.group(4);
            }
        }
        return Optional.of(new LinkTarget(Kind.HTTP, key, key, repo, rest, null));
    }

    // An internationalised host name is not a host to java.net.URI (it reads it as a registry authority);
    // its ASCII form is the one DNS knows.
    private static URI asciiHost(URI uri) throws URISyntaxException {
        if (uri.getHost() != null || uri.getRawAuthority() == null) {
            return uri;
        }
        String authority = uri.getAuthority();
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new URISyntaxException(uri.toString(), "host '" + host + "' is not a valid host name");
        }
        String rebuilt = uri.getScheme() + "://" + ascii + (colon < 0 ? "" : hostPort.substring(colon))
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new URI(rebuilt);
    }
}
