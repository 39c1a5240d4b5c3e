package dev.paperlist.render;

import dev.paperlist.markdown.Badges;
import dev.paperlist.markdown.MarkdownText;
import dev.paperlist.model.Figures;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Settings;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Markdown of a paper's figures, as {@code settings.metrics} asks: its code repository as the live star
 * badge and/or the star count from the data file ({@code ★ 12.3k}), a trending mark, an archived or
 * no-push mark, and its citation count. With the default settings the code is the badge alone, exactly
 * as without a data file. Everything comes from the data file, so the same files give the same bytes.
 */
public final class MetricsText {
    private MetricsText() {}

    /** The code repository's Markdown, or the empty string for a paper without one. */
    public static String code(Paper p, Settings settings, Figures figures) {
        if (p.code() == null) {
            return "";
        }
        Settings.Metrics m = settings.metrics();
        if (m.equals(Settings.Metrics.OFF)) {
            return Badges.star(p.code());
        }
        Optional<Figures.Repo> repo = figures.repoFigures(p.code().slug());
        Integer stars = repo.map(Figures.Repo::stars).orElse(null);
        StringBuilder out = new StringBuilder();
        if (!m.stars().equals("text") || stars == null) {
            out.append(Badges.star(p.code()));
        }
        if (!m.stars().equals("badge") && stars != null) {
            out.append(out.length() == 0 ? "" : " ").append("[★ ").append(compact(stars)).append("](")
                    .append(MarkdownText.url(p.code().link())).append(')');
        }
        if (repo.isPresent()) {
            Figures.Repo r = repo.get();
            if (m.trending() > 0 && r.gained() >= m.trending()) {
                out.append(" 📈 +").append(compact(r.gained()));
            }
            if (m.archived() && r.archived()) {
                out.append(" (archived)");
            } else if (m.staleMonths() > 0 && r.pushed() != null
                    && r.pushed().isBefore(r.asOf().minusMonths(m.staleMonths()))) {
                out.append(" (no push since ").append(month(r.pushed())).append(')');
            }
        }
        return out.toString();
    }

    /** {@code 1.2k citations}, or the empty string when they are not shown or not known. */
    public static String citations(Paper p, Settings settings, Figures figures) {
        if (!settings.metrics().citations()) {
            return "";
        }
        OptionalInt count = citationCount(p, figures);
        if (count.isEmpty()) {
            return "";
        }
        return compact(count.getAsInt()) + (count.getAsInt() == 1 ? " citation" : " citations");
    }

    static OptionalInt citationCount(Paper p, Figures figures) {
        String key = p.arxivId().map(id -> id.id()).orElse(p.id());
        return key == null ? OptionalInt.empty() : figures.citations(key);
    }

    /** 999, 1.2k, 12.3k, 123k, 1.2M: one decimal below 100 of a unit, cut rather than rounded up. */
    public static String compact(int n) {
        if (n < 0) {
            return "-" + compact(-n);
        }
        if (n < 1000) {
            return String.valueOf(n);
        }
        if (n < 1_000_000) {
            return scaled(n, 1000) + "k";
        }
        return scaled(n, 1_000_000) + "M";
    }

    private static String scaled(int n, int unit) {
        int whole = n / unit;
        if (whole >= 100) {
            return String.valueOf(whole);
        }
        int tenth = (int) ((long) n * 10 / unit % 10);
        return tenth == 0 ? String.valueOf(whole) : whole + "." + tenth;
    }

    private static String month(LocalDate d) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
    }
}
