package dev.paperlist.links;

import dev.paperlist.PaperlistException;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.model.ArxivId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks arXiv ids through the arXiv API, many per request ({@code id_list}), at the API's pace: an id
 * the API has is alive, whatever arXiv's HTML pages answer a robot. A batch the API rejects (an error
 * entry names a malformed id) is halved until the bad id stands alone. When the API itself fails, the
 * ids left are not judged.
 */
final class ArxivChecker {
    /** Ids per request: arXiv's id_list takes this many in a URL of about 1.5 kB. */
    static final int BATCH = 100;

    private final ArxivClient client;
    private final Clock clock;
    private String failure;
    private boolean answered;

    ArxivChecker(ArxivClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The result for every id, in the order given. */
    Map<ArxivId, LinkResult> check(List<ArxivId> ids) {
        Map<ArxivId, LinkResult> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batch(ids.subList(from, Math.min(ids.size(), from + BATCH)), out);
        }
        return out;
    }

    /** The API's failure, one line, or {@code null} when it answered every request. */
    String failure() {
        return failure;
    }

    /** Whether the API answered at least once. */
    boolean answered() {
        return answered;
    }

    private void batch(List<ArxivId> ids, Map<ArxivId, LinkResult> out) {
        if (failure != null) {
            ids.forEach(id -> out.put(id, LinkResult.unknown("not checked: " + failure, clock.instant())));
            return;
        }
        ArxivClient.Lookup lookup;
        try {
            lookup = client.lookup(ids);
            answered = true;
        } catch (PaperlistException e) {
            failure = e.getMessage();
            batch(ids, out);
            return;
        }
        if (lookup.error() != null) {
            if (ids.size() == 1) {
                out.put(ids.get(0), LinkResult.broken("arXiv API: " + lookup.error(), clock.instant()));
            } else {
                int half = ids.size() / 2;
                batch(new ArrayList<>(ids.subList(0, half)), out);
                batch(new ArrayList<>(ids.subList(half, ids.size())), out);
            }
            return;
        }
        for (ArxivId id : ids) {
            out.put(id, lookup.found().containsKey(id) ? LinkResult.alive(clock.instant())
                    : LinkResult.broken("arXiv has no paper " + id.id(), clock.instant()));
        }
    }
}
