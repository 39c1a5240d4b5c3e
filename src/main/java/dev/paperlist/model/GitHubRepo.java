package dev.paperlist.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paper's code repository: the GitHub owner/repo that star badges count, and the link readers
 * follow, which may point deeper into the repository (for example {@code /tree/master/kosmos-g}).
 */
public record GitHubRepo(String owner, String name, String link) {
    // Owner: GitHub user or organisation names; repository: letters, digits, '.', '-', '_'.
    private static final Pattern FORM = Pattern.compile(
            "(?:https?://(?:www\\.)?github\\.com/)?"
                    + "([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})/"
                    + "([A-Za-z0-9._-]{1,100}?)(?:\\.git)?"
                    + "(/[^\\s]*)?/?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Reads {@code owner/repo}, {@code owner/repo/tree/...} or a {@code https://github.com/...} URL;
     * empty when the text is none of these.
     */
    public static Optional<GitHubRepo> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String owner = m.group(1);
        String name = m.group(2);
        if (name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        return Optional.of(new GitHubRepo(owner, name, "https://github.com/" + owner + "/" + name + rest));
    }

    /** {@code owner/repo}, the identity a star count belongs to. */
    public String slug() {
        return owner + "/" + name;
    }
}
