import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for GitHub (GraphQL and REST), arXiv, Semantic Scholar and DBLP for bench/refresh: every
 * repository exists with a star count made from its name, every answer waits the given latency, and the
 * requests are counted by kind. Run: java bench/RefreshStub.java PORT_FILE LATENCY_MS; GET /stats prints
 * the counts; GET /reset clears them.
 */
public class RefreshStub {
    static final Pattern ALIAS = Pattern.compile("(r\\d+): repository\\(owner: \\\\\"([^\\\\]+)\\\\\", name: \\\\\"([^\\\\]+)\\\\\"\\)");
    static final AtomicInteger graphql = new AtomicInteger();
    static final AtomicInteger rest = new AtomicInteger();
    static final AtomicInteger conditional = new AtomicInteger();
    static final AtomicInteger notModified = new AtomicInteger();
    static final AtomicInteger arxiv = new AtomicInteger();
    static final AtomicInteger scholar = new AtomicInteger();
    static final AtomicInteger dblp = new AtomicInteger();
    static long latency;

    public static void main(String[] args) throws Exception {
        latency = Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", RefreshStub::handle);
        server.start();
        Files.writeString(Path.of(args[0]), String.valueOf(server.getAddress().getPort()));
    }

    static int stars(String slug) {
        return Math.abs(slug.toLowerCase().hashCode() % 50000);
    }

    static void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            String query = x.getRequestURI().getRawQuery();
            if (path.equals("/stats")) {
                send(x, 200, String.format("graphql %d%nrest %d%nconditional %d%nnot_modified %d%narxiv %d%nscholar %d%ndblp %d%n",
                        graphql.get(), rest.get(), conditional.get(), notModified.get(), arxiv.get(), scholar.get(),
                        dblp.get()), null);
                return;
            }
            if (path.equals("/reset")) {
                for (AtomicInteger c : List.of(graphql, rest, conditional, notModified, arxiv, scholar, dblp)) {
                    c.set(0);
                }
                send(x, 200, "ok\n", null);
                return;
            }
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Thread.sleep(latency);
            if (path.equals("/gh/graphql")) {
                graphql.incrementAndGet();
                StringBuilder out = new StringBuilder("{\"data\":{");
                Matcher m = ALIAS.matcher(body);
                while (m.find()) {
                    String slug = m.group(2) + "/" + m.group(3);
                    out.append('"').append(m.group(1)).append("\":{\"nameWithOwner\":\"").append(slug)
                            .append("\",\"stargazerCount\":").append(stars(slug))
                            .append(",\"isArchived\":false,\"pushedAt\":\"2026-11-01T00:00:00Z\",\"defaultBranchRef\":{\"name\":\"main\"}},");
                }
                out.append("\"rateLimit\":{\"remaining\":4900,\"resetAt\":\"2026-12-03T12:00:00Z\"}}}");
                send(x, 200, out.toString(), "application/json");
            } else if (path.startsWith("/gh/repos/")) {
                rest.incrementAndGet();
                String slug = path.substring("/gh/repos/".length());
                String etag = "W/\"" + Integer.toHexString(slug.toLowerCase().hashCode()) + "\"";
                String asked = x.getRequestHeaders().getFirst("If-None-Match");
                if (asked != null) {
                    conditional.incrementAndGet();
                }
                x.getResponseHeaders().add("ETag", etag);
                x.getResponseHeaders().add("X-RateLimit-Remaining", "4000");
                if (etag.equals(asked)) {
                    notModified.incrementAndGet();
                    x.sendResponseHeaders(304, -1);
                    return;
                }
                send(x, 200, "{\"full_name\":\"" + slug + "\",\"stargazers_count\":" + stars(slug)
                        + ",\"archived\":false,\"pushed_at\":\"2026-11-01T00:00:00Z\",\"default_branch\":\"main\"}",
                        "application/json");
            } else if (path.startsWith("/arxiv/")) {
                arxiv.incrementAndGet();
                String ids = URLDecoder.decode(query.replaceAll(".*id_list=([^&]*).*", "$1"), StandardCharsets.UTF_8);
                StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n");
                for (String id : ids.split(",")) {
                    out.append("<entry><id>http://arxiv.org/abs/").append(id).append("v1</id><title>Paper ").append(id)
                            .append("</title><summary>A.</summary><published>2024-01-01T00:00:00Z</published>")
                            .append(id.hashCode() % 3 == 0 ? "<arxiv:comment>Accepted to ICLR 2025</arxiv:comment>" : "")
                            .append("<author><name>A</name></author></entry>\n");
                }
                send(x, 200, out.append("</feed>\n").toString(), "application/atom+xml");
            } else if (path.endsWith("/paper/batch")) {
                scholar.incrementAndGet();
                Matcher m = Pattern.compile("ARXIV:([^\"]+)").matcher(body);
                List<String> items = new ArrayList<>();
                while (m.find()) {
                    int h = Math.abs(m.group(1).hashCode());
                    items.add(h % 4 == 0 ? "null" : "{\"paperId\":\"x\",\"externalIds\":{\"ArXiv\":\"" + m.group(1)
                            + "\"},\"venue\":\"" + (h % 4 == 1 ? "arXiv.org" : "Computer Vision and Pattern Recognition")
                            + "\",\"publicationVenue\":null,\"year\":2024,\"citationCount\":" + (h % 1000) + "}");
                }
                send(x, 200, "[" + String.join(",", items) + "]", "application/json");
            } else if (path.startsWith("/dblp/")) {
                dblp.incrementAndGet();
                send(x, 200, "{\"result\":{\"hits\":{\"@total\":\"0\"}}}", "application/json");
            } else {
                send(x, 404, "{\"message\":\"Not Found\"}", "application/json");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            x.close();
        }
    }

    static void send(HttpExchange x, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
