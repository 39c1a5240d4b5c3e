package dev.paperlist.contribute;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.add.PaperAdder;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code add --from-issue --format github-comment} prints for the issue or the pull request: Markdown
 * in which the messages, which quote the submitter's text, sit in a code block, where no Markdown or HTML
 * of theirs is rendered and no mention notifies anyone.
 */
public final class IssueComment {
    private IssueComment() {}

    /** Why the paper was not added, and what to do. */
    public static String failure(PaperlistException e) {
        String lead = e.exitCode() == ExitCode.INVALID_INPUT
                ? "paperlist could not add this paper. Edit the issue to fix what it says below; it is read again after each edit."
                : "paperlist could not add this paper just now (exit code " + e.exitCode().code() + "); a maintainer "
                        + "will run it again.";
        return lead + "\n\n" + block(List.of(e.getMessage()));
    }

    /** What was added, for the pull request's description. */
    public static String success(PaperAdder.Outcome outcome) {
        List<String> lines = new ArrayList<>(outcome.out());
        lines.addAll(outcome.notes());
        return "paperlist added the paper of this issue:\n\n" + block(lines);
    }

    // A fence longer than any run of backticks in the text, so that nothing in it can close the block.
    static String block(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(printable(line)).append('\n');
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + text + fence + "\n";
    }

    private static String printable(String line) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == 0x2028 || c == 0x2029) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
