package dev.paperlist.model;

import java.util.Optional;

/**
 * A paper's code repository: the GitHub owner/repo that star badges count, and the link readers
 * follow, which may point deeper into the repository (for example {@code /tree/master/kosmos-g}).
 */
public record GitHubRepo(String owner, String name, String link) {
    /**
     * Reads {@code owner/repo}, {@code owner/repo/tree/...} or a {@code https://github.com/...} URL;
     * empty when the text is none of these.
     *
     * <p>The owner is a GitHub user or organisation name: 1 to 39 letters, digits and single hyphens, neither
     * first nor last. The repository is 1 to 100 letters, digits, '.', '-' and '_', without a {@code .git}
     * ending, and not {@code .} or {@code ..}; what follows it, if anything, is a path without white space.
     * Read by hand rather than with a pattern: every link of a list is tried when it is imported, and the
     * pattern's backtracking cost an import of 10,000 papers 4 % of its allocations (GitHubRepoTest holds the
     * pattern as the reference this agrees with).
     */
    public static Optional<GitHubRepo> parse(String text) {
        String s = text.strip();
        int ownerStart = prefixLength(s);
        int slash = s.indexOf('/', ownerStart);
        if (slash < 0 || !isOwner(s, ownerStart, slash)) {
            return Optional.empty();
        }
        int nameStart = slash + 1;
        int run = nameStart;
        while (run < s.length() && isNameChar(s.charAt(run))) {
            run++;
        }
        // After the name's characters: nothing, or a path that starts with '/' and holds no white space.
        if (run < s.length() && (s.charAt(run) != '/' || hasSpace(s, run))) {
            return Optional.empty();
        }
        int length = run - nameStart;
        int nameEnd;
        if (length > 4 && length - 4 <= 100 && s.regionMatches(true, run - 4, ".git", 0, 4)) {
            nameEnd = run - 4;
        } else if (length >= 1 && length <= 100) {
            nameEnd = run;
        } else {
            return Optional.empty();
        }
        String owner = s.substring(ownerStart, slash);
        String name = s.substring(nameStart, nameEnd);
        if (name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(new GitHubRepo(owner, name, "https://github.com/" + owner + "/" + name + s.substring(run)));
    }

    // The length of "http(s)://(www.)github.com/" at the start, in any case; 0 when it is not there.
    private static int prefixLength(String s) {
        int at = s.regionMatches(true, 0, "https://", 0, 8) ? 8 : s.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (at < 0) {
            return 0;
        }
        if (s.regionMatches(true, at, "www.", 0, 4)) {
            at += 4;
        }
        return s.regionMatches(true, at, "github.com/", 0, 11) ? at + 11 : 0;
    }

    private static boolean isOwner(String s, int from, int to) {
        if (to - from < 1 || to - from > 39 || !isAlphanumeric(s.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!isAlphanumeric(c) && !(c == '-' && i + 1 < to && isAlphanumeric(s.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isNameChar(char c) {
        return isAlphanumeric(c) || c == '.' || c == '-' || c == '_';
    }

    // White space as the pattern's \s saw it: ASCII only.
    private static boolean hasSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** {@code owner/repo}, the identity a star count belongs to. */
    public String slug() {
        return owner + "/" + name;
    }
}
