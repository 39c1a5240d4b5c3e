package dev.paperlist.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The repository a link or {@code owner/repo} names, read by hand: it must agree with the pattern that
 * states the rule, on hand-picked texts and on texts made of the pieces where the two could part.
 */
class GitHubRepoTest {
    // The rule as a pattern, as the reader once was: the reference the hand-written reader is held to.
    private static final Pattern FORM = Pattern.compile(
            "(?:https?://(?:www\\.)?github\\.com/)?"
                    + "([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})/"
                    + "([A-Za-z0-9._-]{1,100}?)(?:\\.git)?"
                    + "(/[^\\s]*)?/?",
            Pattern.CASE_INSENSITIVE);

    private static Optional<GitHubRepo> byPattern(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches() || m.group(2).equals(".") || m.group(2).equals("..")) {
            return Optional.empty();
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        return Optional.of(new GitHubRepo(m.group(1), m.group(2),
                "https://github.com/" + m.group(1) + "/" + m.group(2) + rest));
    }

    @Test
    void readsTheFormsListsWrite() {
        assertThat(GitHubRepo.parse("https://github.com/salesforce/LAVIS/tree/main/projects/blip2"))
                .contains(new GitHubRepo("salesforce", "LAVIS",
                        "https://github.com/salesforce/LAVIS/tree/main/projects/blip2"));
        assertThat(GitHubRepo.parse(" HTTP://WWW.GitHub.com/a-b/c.d.git ")).contains(
                new GitHubRepo("a-b", "c.d", "https://github.com/a-b/c.d"));
        assertThat(GitHubRepo.parse("o/.git")).contains(new GitHubRepo("o", ".git", "https://github.com/o/.git"));
        assertThat(GitHubRepo.parse("o/r/")).contains(new GitHubRepo("o", "r", "https://github.com/o/r/"));
        String longest = "r".repeat(100);
        assertThat(GitHubRepo.parse("o/" + longest + ".git")).contains(
                new GitHubRepo("o", longest, "https://github.com/o/" + longest));
        for (String refused : new String[] {"", "o", "o/", "-o/r", "o-/r", "o--p/r", "o/..", "o/.", "o/r?x=1",
            "o/r/a b", "o/r/a\u000Bb", "https://gitlab.com/o/r", "https://github.com/o", "a".repeat(40) + "/r", "o/" + "r".repeat(101)}) {
            assertThat(GitHubRepo.parse(refused)).as(refused).isEmpty();
        }
    }

    @Property(tries = 3000)
    void agreesWithThePattern(@ForAll("texts") String text) {
        assertThat(GitHubRepo.parse(text)).as(text).isEqualTo(byPattern(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("https://", "http://", "HTTPS://", "hTtp:/", "www.", "WWW.", "github.com/", "GitHub.COM/",
                        "github.com", "gitlab.com/"),
                Arbitraries.of("a", "Z", "9", "-", "--", ".", "..", "_", ".git", ".GIT", ".gi", "git", "/", "//", " ",
                        "\t", "\u000B", "\u00A0", "\u2003", "?", "#", ":", "é", "tree/main", "-a"),
                Arbitraries.of("a".repeat(38), "b".repeat(39), "c".repeat(96), "d".repeat(100), "e".repeat(101)));
        return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
    }
}
