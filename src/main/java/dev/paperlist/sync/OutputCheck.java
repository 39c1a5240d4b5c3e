package dev.paperlist.sync;

import dev.paperlist.ExitCode;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code paperlist check} from plans to exit code: names each output up to date, and for each stale or
 * orphaned one prints why, the unified diff and, for GitHub, an error annotation per differing stretch.
 *
 * @param catalogName the catalogue as messages name it
 * @param annotate the GitHub annotation lines, or {@code null} for none
 * @param maxAnnotations how many annotations one output gets at most
 */
public record OutputCheck(String catalogName, Annotator annotate, int maxAnnotations) {
    /** Writes one GitHub error annotation at a line of an output (0: the whole file). */
    @FunctionalInterface
    public interface Annotator {
        String error(OutputPlan plan, int line, String message);
    }

    /** The line for an output that is current. */
    public static String upToDate(OutputPlan plan) {
        return plan.displayName() + ": up to date";
    }

    /** Reports every plan; returns the exit code. */
    public int report(List<OutputPlan> plans, PrintWriter out, PrintWriter err) {
        ExitCode result = ExitCode.OK;
        for (OutputPlan plan : plans) {
            if (plan.upToDate()) {
                out.println(upToDate(plan));
                continue;
            }
            result = ExitCode.STALE;
            if (plan.orphan()) {
                err.println(plan.displayName() + " is orphaned: " + catalogName
                        + " no longer produces it; run: paperlist render");
                continue;
            }
            String problem = plan.displayName() + (plan.current() == null ? " does not exist"
                    : " is out of date with " + catalogName) + "; run: paperlist render";
            if (annotate != null) {
                List<Integer> lines = ReadmeSync.firstDifferingLines(plan);
                for (int line : lines.subList(0, Math.min(lines.size(), maxAnnotations))) {
                    out.println(annotate.error(plan, plan.current() == null ? 0 : line, problem));
                }
            }
            out.print(ReadmeSync.diff(plan));
            err.println(problem);
        }
        return result.code();
    }
}
