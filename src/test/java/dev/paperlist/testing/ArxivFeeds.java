package dev.paperlist.testing;

import java.util.List;

/**
 * arXiv API answers written in the API's Atom layout, for servers that answer any {@code id_list}:
 * an entry for each id the test says arXiv has, nothing for the others, or the error entry the API
 * sends (with HTTP 200) for a malformed id.
 */
public final class ArxivFeeds {
    private ArxivFeeds() {}

    /** A feed with one entry per id in {@code known}, in the order given. */
    public static String feed(List<String> known) {
        StringBuilder out = new StringBuilder("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/stub</id>
                  <title>arXiv Query</title>
                  <updated>2026-12-01T00:00:00Z</updated>
                """);
        out.append("  <opensearch:totalResults>").append(known.size()).append("</opensearch:totalResults>\n");
        for (String id : known) {
            out.append("  <entry>\n")
                    .append("    <id>http://arxiv.org/abs/").append(id).append("v1</id>\n")
                    .append("    <updated>2024-02-19T00:00:00Z</updated>\n")
                    .append("    <published>2024-02-19T00:00:00Z</published>\n")
                    .append("    <title>A paper numbered ").append(id).append("</title>\n")
                    .append("    <summary>An abstract.</summary>\n")
                    .append("    <author><name>A. Author</name></author>\n")
                    .append("  </entry>\n");
        }
        return out.append("</feed>\n").toString();
    }

    /** The API's answer to a malformed id: HTTP 200, one entry titled "Error". */
    public static String error(String id) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <id>http://arxiv.org/api/stub</id>
                  <title type="html">ArXiv Query</title>
                  <updated>2026-12-01T00:00:00-04:00</updated>
                  <entry>
                    <id>http://arxiv.org/api/errors#incorrect_id_format_for_ID</id>
                    <title>Error</title>
                    <summary>incorrect id format for ID</summary>
                    <updated>2026-12-01T00:00:00-04:00</updated>
                    <author>
                      <name>arXiv api core</name>
                    </author>
                  </entry>
                </feed>
                """.replace("ID", id);
    }
}
