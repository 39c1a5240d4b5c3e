package dev.paperlist.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The badge kinds papers.yaml knows and the shields.io look each one starts from. A badge's own
 * {@code label}, {@code message}, {@code color}, {@code logo} and {@code alt} override its kind's.
 */
public final class BadgeKinds {
    /** A kind's defaults; {@code svgSuffix} adds the {@code .svg} that some lists write. */
    public record Preset(String alt, String label, String message, String color, String logo, String logoColor,
                         boolean svgSuffix, String required) {}

    private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("project", new Preset("Project Page", "Project", "Page", "green", null, null, true, null));
        PRESETS.put("zhihu", new Preset("zhihu", "", "知乎", "000000", "zhihu", "0084FF", false, null));
        PRESETS.put("blog", new Preset("Blog", null, "Blog", "orange", null, null, true, "label"));
        PRESETS.put("custom", new Preset(null, "", null, "blue", null, null, false, "message"));
    }

    public static final List<String> KINDS = List.copyOf(PRESETS.keySet());

    private BadgeKinds() {}

    public static Preset preset(String kind) {
        Preset preset = PRESETS.get(kind);
        if (preset == null) {
            throw new IllegalArgumentException("unknown badge kind " + kind);
        }
        return preset;
    }

    /** The key a badge of this kind must have and does not, or {@code null} when it is complete. */
    public static String missingPart(Badge badge) {
        if (badge.image() != null) {
            return null;
        }
        String required = preset(badge.kind()).required();
        if ("label".equals(required) && badge.label() == null) {
            return "label";
        }
        if ("message".equals(required) && badge.message() == null) {
            return "message";
        }
        return null;
    }
}
