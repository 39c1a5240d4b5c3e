package dev.paperlist.sync;

import dev.paperlist.model.Settings;
import dev.paperlist.render.GeneratedPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Warnings for outputs that near or pass their size budget ({@code settings.size_budget}, 450 KB by
 * default). GitHub stops showing a README past 512 KB, so a list should hear about it before then:
 * {@code render} prints these, and {@code lint} can call {@link #warnings} on the same plans. A README
 * whose settings split it is only warned about when it is over budget even after splitting.
 */
public final class SizeBudget {
    /** The share of the budget from which an output is "near" it. */
    public static final double NEAR = 0.9;

    private SizeBudget() {}

    /** One warning per planned file at or above {@link #NEAR} of the budget, in plan order; orphans have no size. */
    public static List<String> warnings(List<OutputPlan> plans, Settings settings) {
        List<String> out = new ArrayList<>();
        for (OutputPlan plan : plans) {
            if (plan.orphan()) {
                continue;
            }
            long bytes = plan.renderedSize();
            boolean page = GeneratedPages.isGenerated(plan.renderedText());
            if (!page && settings.split() != null && bytes <= settings.sizeBudget()) {
                continue;
            }
            String advice = page || settings.split() != null
                    ? "; move its papers into more, smaller sections, or raise 'size_budget'"
                    : "; set 'split_sections: true' to move whole sections onto pages of their own, or raise 'size_budget'";
            warning(plan.displayName(), bytes, settings.sizeBudget(), advice).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The warning for one file of {@code bytes} bytes, or empty when it is comfortably under budget.
     *
     * @param advice what to do about it, starting with {@code "; "}
     */
    public static Optional<String> warning(String displayName, long bytes, long budget, String advice) {
        if (bytes < NEAR * budget) {
            return Optional.empty();
        }
        String size = bytes > budget
                ? kb(bytes) + " is over its size budget of " + kb(budget)
                : String.format(Locale.ROOT, "%s is %d%% of its size budget of %s", kb(bytes), bytes * 100 / budget, kb(budget));
        return Optional.of(displayName + ": warning: " + size + " (GitHub shows no README past 512 KB)" + advice);
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
