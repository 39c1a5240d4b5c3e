package dev.paperlist.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperlist.Diagnostic;
import dev.paperlist.JsonText;
import dev.paperlist.PaperlistException;
import java.util.List;

/**
 * The JSON form of a lint run, for tools: the file, the loader's error if there was one, and the
 * warnings, each with line, column, rule and message. Keys and order are fixed; lines end in {@code \n}.
 */
public final class LintReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LintReport() {}

    /**
     * @param loaderError why the catalogue did not load, or {@code null} when it loaded
     */
    public static String json(String fileName, PaperlistException loaderError, List<LintWarning> warnings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", fileName);
        ArrayNode errors = root.putArray("errors");
        if (loaderError != null) {
            ObjectNode error = errors.addObject();
            Diagnostic at = loaderError.diagnostic().orElse(null);
            if (at != null && at.line() > 0) {
                error.put("line", at.line());
                if (at.column() > 0) {
                    error.put("column", at.column());
                }
                error.put("message", at.message());
            } else {
                error.put("message", loaderError.getMessage());
            }
        }
        ArrayNode list = root.putArray("warnings");
        for (LintWarning w : warnings) {
            ObjectNode item = list.addObject();
            item.put("line", w.position().line());
            item.put("column", w.position().column());
            item.put("rule", w.rule().id());
            item.put("message", w.message());
        }
        return JsonText.pretty(root);
    }
}
