package dev.paperlist.importer;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Warnings about something import keeps as written and renders back the same, said once per section and
 * column rather than once per row: the first line, with the count of rows updated in place as more come.
 * Warnings that report a difference on the page stay one per line and do not go through here.
 */
final class RepeatedWarnings {
    // By identity of the section, so that two sections of one title are counted apart.
    private final Map<Object, Map<String, Said>> said = new IdentityHashMap<>();

    private static final class Said {
        final int index;
        // The first row's, which the warning names.
        final IntFunction<String> message;
        int count;

        Said(int index, IntFunction<String> message) {
            this.index = index;
            this.message = message;
        }
    }

    /**
     * Adds the warning for one more row of {@code scope} (a section) and {@code kind} (what and which
     * column): at its first row a new warning at its place in {@code warnings}, later that warning with
     * the new count. {@code message} gives this row's warning for a count of rows; the first row's is kept.
     */
    void add(List<String> warnings, Object scope, String kind, IntFunction<String> message) {
        Map<String, Said> kinds = said.computeIfAbsent(scope, k -> new HashMap<>());
        Said s = kinds.get(kind);
        if (s == null) {
            s = new Said(warnings.size(), message);
            kinds.put(kind, s);
            warnings.add(null);
        }
        s.count++;
        warnings.set(s.index, s.message.apply(s.count));
    }
}
