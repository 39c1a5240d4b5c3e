import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.testing.LinkServer;
import dev.paperlist.testing.LinkServer.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * `paperlist links` on 5,000 links to 40 hosts on loopback addresses (127.0.0.2 to 127.0.0.41, each a
 * server of its own), measured on the server side: 35 hosts answer at once, 4 answer after 200 ms, one
 * never answers (a raw socket server that counts its open connections). Every 20th path is dead (404),
 * every 50th redirects permanently. 3,920 distinct URLs (20 on the silent host), 1,080 of them written twice.
 *
 * Run: bench/links/run (builds the jar and the test classes, then runs this with both on the class path).
 */
public class LinksBench {
    static final int HOSTS = 40;
    static final int SLOW_HOSTS = Integer.getInteger("slow", 4);
    static final int PER_HOST_URLS = 100;
    static final int SILENT_URLS = Integer.getInteger("silent", 20);
    static final int PER_HOST = 2;
    static final int PARALLEL = 16;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/paperlist.jar").toAbsolutePath();
        LinkServer.Gauge all = new LinkServer.Gauge();
        List<LinkServer> servers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        Set<String> dead = new HashSet<>();
        Set<String> moved = new HashSet<>();
        for (int h = 0; h < HOSTS - 1; h++) {
            LinkServer server = new LinkServer(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (h + 2)}), all);
            long delay = h < SLOW_HOSTS ? 200 : 0;
            server.route("/p/*", (method, path, query) -> {
                int n = Integer.parseInt(path.substring(3));
                Reply reply = n % 20 == 0 ? Reply.status(404) : n % 50 == 25 ? Reply.redirect(301, "/new/" + n)
                        : Reply.status(200);
                return reply.delayed(delay);
            });
            server.route("/new/*", Reply.status(200).delayed(delay));
            servers.add(server);
            for (int n = 0; n < PER_HOST_URLS; n++) {
                String url = server.base() + "/p/" + n;
                urls.add(url);
                if (n % 20 == 0) {
                    dead.add(url);
                } else if (n % 50 == 25) {
                    moved.add(url);
                }
            }
        }
        Blackhole hole = new Blackhole(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (HOSTS + 1)}));
        for (int n = 0; n < SILENT_URLS; n++) {
            String url = "http://127.0.0." + (HOSTS + 1) + ":" + hole.port() + "/p/" + n;
            urls.add(url);
            dead.add(url);
        }

        Path dir = Files.createTempDirectory("paperlist-links-bench");
        int papers = 2500; // a url and a note each: 5,000 links
        StringBuilder yaml = new StringBuilder("sections:\n");
        for (int i = 0; i < papers; i++) {
            if (i % 100 == 0) {
                yaml.append("  - title: Section ").append(i / 100).append("\n    papers:\n");
            }
            String note = i < urls.size() - papers ? urls.get(papers + i) : urls.get(i - (urls.size() - papers));
            yaml.append("      - name: P").append(i).append("\n        title: Paper ").append(i)
                    .append("\n        url: ").append(urls.get(i))
                    .append("\n        notes:\n          - {label: note, url: \"").append(note).append("\"}\n");
        }
        Files.writeString(dir.resolve("papers.yaml"), yaml, StandardCharsets.UTF_8);

        long start = System.nanoTime();
        Process p = new ProcessBuilder("java", "-jar", jar.toString(), "links", "--no-cache", "--format", "json",
                "--timeout", "2s", "--per-host", Integer.toString(PER_HOST), "--parallel", Integer.toString(PARALLEL))
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;

        JsonNode report = new ObjectMapper().readTree(out);
        Map<String, Integer> reported = new HashMap<>();
        int places = 0;
        for (JsonNode link : report.path("links")) {
            reported.merge(link.path("url").asText() + " " + link.path("verdict").asText(), 1, Integer::sum);
            places += link.path("at").size();
        }
        Set<String> reportedDead = new HashSet<>();
        Set<String> reportedMoved = new HashSet<>();
        for (JsonNode link : report.path("links")) {
            (link.path("verdict").asText().equals("broken") ? reportedDead : reportedMoved).add(link.path("url").asText());
        }
        int maxPerHost = 0;
        Map<String, Integer> requestsPerPath = new HashMap<>();
        int requests = 0;
        for (LinkServer s : servers) {
            maxPerHost = Math.max(maxPerHost, s.maxOpen());
            for (LinkServer.Request r : s.requests()) {
                requestsPerPath.merge(s.base() + r.path() + " " + r.method(), 1, Integer::sum);
                requests++;
            }
        }
        long repeated = requestsPerPath.values().stream().filter(n -> n > 1).count();

        System.out.printf("links: %d written, %d distinct, to %d hosts (%d slow at 200 ms, 1 silent)%n",
                papers * 2, urls.size(), HOSTS, SLOW_HOSTS);
        System.out.printf("exit %d in %.1f s; limits --per-host %d --parallel %d, --timeout 2s%n", exit, seconds,
                PER_HOST, PARALLEL);
        System.out.printf("server side: most requests open to one answering host %d, on the silent host %d "
                + "connections, to all answering hosts together %d%n", maxPerHost, hole.maxOpen(), all.max());
        System.out.printf("requests: %d to answering hosts, %d connections to the silent one; URLs requested twice"
                + " with the same method: %d%n", requests, hole.connections(), repeated);
        System.out.printf("reported: %d broken (expected %d, same set: %b), %d moved (expected %d, same set: %b);"
                + " any URL reported twice: %b; places listed: %d%n", reportedDead.size(), dead.size(),
                reportedDead.equals(dead), reportedMoved.size(), moved.size(), reportedMoved.equals(moved),
                reported.values().stream().anyMatch(n -> n > 1), places);
        boolean ok = exit == 1 && maxPerHost <= PER_HOST && hole.maxOpen() <= PER_HOST && all.max() <= PARALLEL
                && reportedDead.equals(dead) && reportedMoved.equals(moved) && repeated == 0
                && reported.values().stream().noneMatch(n -> n > 1);
        System.out.println(ok ? "OK" : "FAILED");
        servers.forEach(LinkServer::close);
        hole.close();
        System.exit(ok ? 0 : 1);
    }

    /** Accepts connections and never answers; counts how many are open at once until the client closes them. */
    static final class Blackhole implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();
        private final AtomicInteger connections = new AtomicInteger();

        Blackhole(InetAddress address) throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(address, 0), 100);
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        connections.incrementAndGet();
                        max.accumulateAndGet(open.incrementAndGet(), Math::max);
                        Thread t = new Thread(() -> drain(s));
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        private void drain(Socket s) {
            try (s; InputStream in = s.getInputStream()) {
                byte[] buffer = new byte[4096];
                while (in.read(buffer) >= 0) {
                    // The request is read and never answered; the client's close ends this.
                }
            } catch (IOException ignored) {
                // Reset by the client: closed too.
            } finally {
                open.decrementAndGet();
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int maxOpen() {
            return max.get();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
