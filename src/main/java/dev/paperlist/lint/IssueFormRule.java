package dev.paperlist.lint;

import dev.paperlist.contribute.FormFile;
import dev.paperlist.contribute.IssueForm;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.LintRule;
import dev.paperlist.model.Section;
import dev.paperlist.model.SourcePosition;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code issue-form} rule: the issue form next to the catalogue offers other sections than the
 * catalogue has, so a new section cannot be chosen or a submission names one that is gone. It reads a
 * file beside the catalogue, so it runs apart from {@link Linter}, which sees the catalogue alone.
 */
public final class IssueFormRule {
    private IssueFormRule() {}

    /** The rule's warning, at the first section the form lacks (else the top of the file), or nothing. */
    public static List<LintWarning> warnings(Catalog catalog, Path catalogPath) {
        if (catalog.settings().lintDisabled().contains(LintRule.ISSUE_FORM)) {
            return List.of();
        }
        Path form = catalogPath.toAbsolutePath().getParent().resolve(IssueForm.PATH);
        return FormFile.staleness(catalog, form, IssueForm.PATH)
                .map(stale -> new LintWarning(position(catalog.sections(), "", stale.firstMissing()),
                        LintRule.ISSUE_FORM, stale.message()))
                .stream().toList();
    }

    private static SourcePosition position(List<Section> sections, String prefix, String path) {
        if (path != null) {
            for (Section section : sections) {
                String here = prefix + section.title();
                if (here.equals(path)) {
                    return section.position();
                }
                SourcePosition below = position(section.sections(), here + IssueForm.SEPARATOR, path);
                if (below != null) {
                    return below;
                }
            }
            return prefix.isEmpty() ? new SourcePosition(1, 1) : null;
        }
        return new SourcePosition(1, 1);
    }
}
