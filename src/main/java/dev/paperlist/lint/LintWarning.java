package dev.paperlist.lint;

import dev.paperlist.model.LintRule;
import dev.paperlist.model.SourcePosition;

/** One finding of {@code paperlist lint}: where, which rule, and what to do about it. */
public record LintWarning(SourcePosition position, LintRule rule, String message) {
    /** {@code papers.yaml:LINE:COL: rule-id: message}, the form editors and CI logs link to. */
    public String format(String fileName) {
        return fileName + ":" + position + ": " + rule.id() + ": " + message;
    }
}
