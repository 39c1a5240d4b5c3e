package dev.paperlist.links;

import java.time.Instant;

/**
 * What one check found out about a link, and when.
 *
 * @param reason why the link is not alive ({@code HTTP 404}, {@code timeout after 10 s}, …); {@code null} when it is
 * @param movedTo where a permanently redirected link now lives; {@code null} unless {@link Verdict#MOVED}
 */
public record LinkResult(Verdict verdict, String reason, String movedTo, Instant checked) {
    /** How a link fared. */
    public enum Verdict {
        /** It answers, or its id resolves. */
        ALIVE,
        /** It answers after a permanent redirect; the catalogue should say where it went. */
        MOVED,
        /** Not found, gone, unreachable, timed out, or a redirect loop. */
        BROKEN,
        /** The server would not say (401, 403, 429), or the service that knows failed; judged again soon. */
        UNKNOWN
    }

    public static LinkResult alive(Instant checked) {
        return new LinkResult(Verdict.ALIVE, null, null, checked);
    }

    public static LinkResult moved(String to, Instant checked) {
        return new LinkResult(Verdict.MOVED, "moved to " + to, to, checked);
    }

    public static LinkResult broken(String reason, Instant checked) {
        return new LinkResult(Verdict.BROKEN, reason, null, checked);
    }

    public static LinkResult unknown(String reason, Instant checked) {
        return new LinkResult(Verdict.UNKNOWN, reason, null, checked);
    }

    /** The text after the URL in a report line. */
    public String describe() {
        return reason == null ? "alive" : reason;
    }
}
