package dev.paperlist.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperlist.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a links run: every link with its result, in file order, and how many were checked
 * now or taken from the cache. Text and JSON forms are here; lines end in {@code \n}.
 *
 * @param notes one-line remarks for standard error, such as an API that failed
 */
public record LinkReport(List<Entry> entries, int checkedNow, int fromCache, List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LinkReport {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /** One link: what was found where, and its result. */
    public record Entry(LinkSources.Found found, LinkResult result) {
        public LinkResult.Verdict verdict() {
            return result.verdict();
        }

        /** The link as first written, and its reason, with every other place it is written. */
        public String message() {
            StringBuilder out = new StringBuilder(found.first().text()).append(": ").append(result.describe());
            List<Occurrence> others = found.occurrences().subList(1, found.occurrences().size());
            if (!others.isEmpty()) {
                List<String> at = new ArrayList<>();
                others.forEach(o -> at.add(o.where()));
                out.append(" (also at ").append(String.join(", ", at)).append(')');
            }
            return out.toString();
        }
    }

    /** The entries with a verdict among {@code verdicts}, in file order. */
    public List<Entry> with(LinkResult.Verdict... verdicts) {
        List<LinkResult.Verdict> wanted = List.of(verdicts);
        return entries.stream().filter(e -> wanted.contains(e.verdict())).toList();
    }

    public int count(LinkResult.Verdict verdict) {
        return with(verdict).size();
    }

    /** One line per broken or moved link, {@code FILE:LINE:COL: URL: REASON}, then a count. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Entry e : with(LinkResult.Verdict.BROKEN, LinkResult.Verdict.MOVED)) {
            out.append(e.found().first().where()).append(": ").append(e.message()).append('\n');
        }
        out.append(summary()).append('\n');
        return out.toString();
    }

    /** {@code 120 links: 2 broken, 1 moved, 3 not judged; 40 checked now, 80 from the cache}. */
    public String summary() {
        int n = entries.size();
        return n + (n == 1 ? " link: " : " links: ") + count(LinkResult.Verdict.BROKEN) + " broken, "
                + count(LinkResult.Verdict.MOVED) + " moved, " + count(LinkResult.Verdict.UNKNOWN) + " not judged; "
                + checkedNow + " checked now, " + fromCache + " from the cache";
    }

    /** Every link that is not alive, with its places, and the counts. */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("links");
        for (Entry e : with(LinkResult.Verdict.BROKEN, LinkResult.Verdict.MOVED, LinkResult.Verdict.UNKNOWN)) {
            ObjectNode item = list.addObject();
            item.put("url", e.found().first().text());
            item.put("verdict", e.verdict().name().toLowerCase(Locale.ROOT));
            item.put("reason", e.result().reason());
            if (e.result().movedTo() != null) {
                item.put("moved_to", e.result().movedTo());
            }
            ArrayNode at = item.putArray("at");
            for (Occurrence o : e.found().occurrences()) {
                at.addObject().put("file", o.file()).put("line", o.position().line()).put("column", o.position().column());
            }
        }
        ObjectNode counts = root.putObject("counts");
        counts.put("links", entries.size());
        counts.put("broken", count(LinkResult.Verdict.BROKEN));
        counts.put("moved", count(LinkResult.Verdict.MOVED));
        counts.put("not_judged", count(LinkResult.Verdict.UNKNOWN));
        counts.put("checked_now", checkedNow);
        counts.put("from_cache", fromCache);
        return JsonText.pretty(root);
    }
}
