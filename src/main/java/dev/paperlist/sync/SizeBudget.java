package dev.paperlist.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Warnings for outputs that near or pass their size budget ({@code settings.size_budget}, 450 KB by
 * default). GitHub stops showing a README past 512 KB, so a list should hear about it before then:
 * {@code render} prints these, and {@code lint} can call {@link #warnings} on the same plans.
 */
public final class SizeBudget {
    /** The share of the budget from which an output is "near" it. */
    public static final double NEAR = 0.9;

    private SizeBudget() {}

    /** One warning per planned file at or above {@link #NEAR} of the budget, in plan order; orphans have no size. */
    public static List<String> warnings(List<OutputPlan> plans, long budget) {
        List<String> out = new ArrayList<>();
        for (OutputPlan plan : plans) {
            if (!plan.orphan()) {
                warning(plan.displayName(), plan.renderedBytes().length, budget).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The warning for one file of {@code bytes} bytes, or empty when it is comfortably under budget. */
    public static Optional<String> warning(String displayName, long bytes, long budget) {
        if (bytes < NEAR * budget) {
            return Optional.empty();
        }
        String advice = "; GitHub stops showing a README past 512 KB (set 'split_sections: true' to move sections"
                + " onto pages of their own, or raise 'size_budget')";
        if (bytes > budget) {
            return Optional.of(displayName + ": warning: " + kb(bytes) + " is over its size budget of " + kb(budget)
                    + advice);
        }
        return Optional.of(String.format(Locale.ROOT, "%s: warning: %s is %d%% of its size budget of %s%s",
                displayName, kb(bytes), bytes * 100 / budget, kb(budget), advice));
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
