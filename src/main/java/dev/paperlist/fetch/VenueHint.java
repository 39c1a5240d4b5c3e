package dev.paperlist.fetch;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the venue a paper was accepted at from arXiv's free-text comment and journal reference, such as
 * "Accepted to ICLR 2024" or "CVPR'24 (Highlight)". It is a hint, so it errs towards nothing: only known
 * conference and journal acronyms with a year count, mentions next to "submitted to", "under review" or
 * "workshop" do not, and two different venues give no hint at all.
 */
final class VenueHint {
    // Canonical spellings, looked up case-insensitively.
    private static final Map<String, String> VENUES;

    static {
        Map<String, String> venues = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String v : new String[] {"AAAI", "AACL", "ACCV", "ACL", "ACM MM", "AISTATS", "BMVC", "CHI", "CIKM",
            "COLING", "COLM", "COLT", "CoRL", "CVPR", "EACL", "ECCV", "EMNLP", "ICASSP", "ICCV", "ICDE", "ICLR", "ICME",
            "ICML", "ICRA", "IJCAI", "IJCV", "Interspeech", "IROS", "ISMIR", "JMLR", "KDD", "LREC", "MICCAI", "NAACL",
            "NeurIPS", "NIPS", "RSS", "SIGGRAPH", "SIGGRAPH Asia", "SIGIR", "TACL", "TMLR", "TPAMI", "UAI", "UIST",
            "WACV", "WSDM", "WWW", "3DV"}) {
            venues.put(v, v);
        }
        venues.put("ACM Multimedia", "ACM MM");
        VENUES = java.util.Collections.unmodifiableMap(venues);
    }

    private static final Pattern MENTION;

    static {
        StringBuilder names = new StringBuilder();
        VENUES.keySet().stream()
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .forEach(v -> names.append(names.length() == 0 ? "" : "|").append(Pattern.quote(v).replace(" ", "\\E\\s+\\Q")));
        MENTION = Pattern.compile("(?<![\\p{L}\\p{N}])(" + names + ")\\s*(?:'(\\d{2})|(\\d{4}))(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE);
    }

    private static final Pattern NOT_ACCEPTED = Pattern.compile(
            "submitted|submission|under review|in review|to appear in a|rejected|preprint|extended version|extension of"
                    + "|workshop|withdrawn", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORKSHOP_AFTER = Pattern.compile("^\\W{0,3}(?:\\w+\\W+){0,2}workshop",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FINDINGS = Pattern.compile("findings", Pattern.CASE_INSENSITIVE);

    private VenueHint() {}

    static Optional<String> from(String comment, String journalRef) {
        Set<String> venues = new LinkedHashSet<>();
        collect(comment, venues);
        collect(journalRef, venues);
        return venues.size() == 1 ? Optional.of(venues.iterator().next()) : Optional.empty();
    }

    private static void collect(String text, Set<String> venues) {
        if (text == null) {
            return;
        }
        // Links often hold venue-like names (github.com/x/NAACL2020-model); they say nothing about acceptance.
        String flat = text.replaceAll("(?i)\\b(?:https?://|www\\.)\\S*", " ").replaceAll("\\s+", " ");
        Matcher m = MENTION.matcher(flat);
        while (m.find()) {
            String clause = clauseBefore(flat, m.start());
            String after = flat.substring(m.end(), Math.min(flat.length(), m.end() + 40));
            if (NOT_ACCEPTED.matcher(clause).find() || WORKSHOP_AFTER.matcher(after).find()) {
                continue;
            }
            int year = m.group(2) != null ? 2000 + Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(3));
            if (year < 1980 || year > 2099) {
                continue;
            }
            String venue = VENUES.get(m.group(1).replaceAll("\\s+", " ")) + " " + year;
            String around = clause + flat.substring(m.end(), Math.min(flat.length(), m.end() + 12));
            if (FINDINGS.matcher(around).find()) {
                venue += " (Findings)";
            }
            venues.add(venue);
        }
    }

    // The text of the current clause before a mention: back to the last ';', '.', ',' followed by a space,
    // or newline-like break, so "Submitted to X; accepted to Y" judges each venue by its own words.
    private static String clauseBefore(String text, int end) {
        int start = 0;
        for (int i = end - 1; i > 0; i--) {
            char c = text.charAt(i - 1);
            if ((c == ';' || c == '.' || c == ',' || c == '|') && text.charAt(i) == ' ') {
                start = i;
                break;
            }
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
