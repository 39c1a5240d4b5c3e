package dev.paperlist.testing;

import dev.paperlist.markdown.HeadingTexts;
import dev.paperlist.markdown.Slugger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.Link;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Follows every link between the files of a folder, as a reader would: a relative link must name a
 * file that exists, and its {@code #fragment} an anchor in it (GitHub's heading anchors for Markdown,
 * element ids for HTML). Links to http and https pages are outside and not followed; any other scheme
 * in the HTML ({@code javascript:}, {@code data:}) is a problem in itself.
 */
public final class LinkCheck {
    private LinkCheck() {}

    /** Every problem with the relative links of the Markdown files under {@code root}. */
    public static List<String> markdown(Path root) {
        return markdown(root, files(root, ".md"));
    }

    /** Every problem with the relative links of some Markdown files, links that leave {@code root} included. */
    public static List<String> markdown(Path root, List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            for (Link link : MarkdownStructure.of(read(file)).links()) {
                check(root, file, link.getDestination(), problems, LinkCheck::markdownAnchors);
            }
        }
        return problems;
    }

    /** Every problem with the links, images and scripts of the HTML files under {@code root}. */
    public static List<String> html(Path root) {
        List<String> problems = new ArrayList<>();
        for (Path file : files(root, ".html")) {
            Document doc = Jsoup.parse(read(file));
            for (Element e : doc.select("a[href], link[href], img[src], script[src], iframe, object, embed")) {
                String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (target.isEmpty() && !e.tagName().equals("a")) {
                    problems.add(root.relativize(file) + ": <" + e.tagName() + "> without a target");
                    continue;
                }
                String scheme = target.matches("(?i)^[a-z][a-z0-9+.-]*:.*") ? target.substring(0, target.indexOf(':')) : "";
                if (!scheme.isEmpty() && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
                    problems.add(root.relativize(file) + ": " + scheme + ": link " + target);
                } else if (!target.isEmpty()) {
                    check(root, file, target, problems, LinkCheck::htmlIds);
                }
            }
        }
        return problems;
    }

    private static void check(Path root, Path file, String destination, List<String> problems,
                              java.util.function.Function<Path, Set<String>> anchors) {
        if (destination.matches("(?i)^https?://.*") || destination.matches("(?i)^mailto:.*")) {
            return;
        }
        int hash = destination.indexOf('#');
        String path = decode(hash < 0 ? destination : destination.substring(0, hash));
        String fragment = hash < 0 ? null : decode(destination.substring(hash + 1));
        Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        String from = root.relativize(file).toString();
        if (!target.startsWith(root)) {
            problems.add(from + ": " + destination + " leaves the folder");
        } else if (!Files.isRegularFile(target)) {
            problems.add(from + ": " + destination + " names no file");
        } else if (fragment != null && !fragment.isEmpty() && !anchors.apply(target).contains(fragment)) {
            problems.add(from + ": " + destination + " names no anchor in " + root.relativize(target));
        }
    }

    private static Set<String> markdownAnchors(Path file) {
        Set<String> anchors = new HashSet<>();
        if (file.toString().endsWith(".md")) {
            Slugger slugger = new Slugger();
            for (String heading : HeadingTexts.of(read(file))) {
                anchors.add(slugger.slug(heading));
            }
        }
        return anchors;
    }

    private static Set<String> htmlIds(Path file) {
        Set<String> ids = new HashSet<>();
        if (file.toString().endsWith(".html")) {
            for (Element e : Jsoup.parse(read(file)).select("[id]")) {
                ids.add(e.id());
            }
        }
        return ids;
    }

    private static List<Path> files(Path root, String extension) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(extension) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
