package dev.paperlist.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON form of a lint run, for tools: the file, the loader's error if there was one, and the
 * warnings, each with line, column, rule and message. Keys and order are fixed; lines end in {@code \n}.
 */
public final class LintReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOCATED = Pattern.compile("(?s).*?:(\\d+):(\\d+): (.*)");

    private LintReport() {}

    /**
     * @param loaderError the loader's one-line message, or {@code null} when the catalogue loaded
     */
    public static String json(String fileName, String loaderError, List<LintWarning> warnings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", fileName);
        ArrayNode errors = root.putArray("errors");
        if (loaderError != null) {
            ObjectNode error = errors.addObject();
            Matcher m = LOCATED.matcher(loaderError.startsWith(fileName + ":")
                    ? loaderError.substring(fileName.length()) : "");
            if (m.matches()) {
                error.put("line", Integer.parseInt(m.group(1)));
                error.put("column", Integer.parseInt(m.group(2)));
                error.put("message", m.group(3));
            } else {
                error.put("message", loaderError);
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
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }
}
