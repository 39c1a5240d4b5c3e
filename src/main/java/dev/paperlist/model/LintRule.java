package dev.paperlist.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The warnings {@code paperlist lint} gives beyond the loader's errors, each with the id used in its
 * output and in {@code settings: lint: disable: [...]} to switch it off.
 */
public enum LintRule {
    NO_ABSTRACT("no-abstract", "a paper has no abstract"),
    NO_DATE("no-date", "a paper has no submission date"),
    NO_LINK("no-link", "a paper has no url, so its title is not a link"),
    MISSING_VENUE("missing-venue", "a paper shows the not_accepted text although its url or comment says where it "
            + "was published"),
    HTTP_LINK("http-link", "an http:// link to a host that serves https"),
    DUPLICATE_TITLE("duplicate-title", "two different papers have the same title once case, accents and punctuation "
            + "are set aside"),
    EMPTY_SECTION("empty-section", "a section holds no paper, itself or below it"),
    ANCHOR_COLLISION("anchor-collision", "two headings make the same GitHub anchor, so one gets a -1 suffix"),
    STAR_REPO_MISMATCH("star-repo-mismatch", "a star badge counts another repository than the paper's code link"),
    SIZE_BUDGET("size-budget", "an output is near or over its size budget (GitHub shows no README past 512 KB)"),
    ISSUE_FORM("issue-form", "the issue form's section dropdown differs from the catalogue's sections");

    private final String id;
    private final String summary;

    LintRule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LintRule::id).toList();
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
