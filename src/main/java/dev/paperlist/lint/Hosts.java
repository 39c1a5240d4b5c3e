package dev.paperlist.lint;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What lint knows about web hosts without asking the network: which serve https (so an http:// link to
 * them is needlessly insecure), and which publish accepted papers (so a paper linked there has a venue).
 */
final class Hosts {
    // Hosts that paper lists link to and that answer on https; a subdomain of a *.suffix entry counts too.
    private static final Set<String> HTTPS = Set.of(
            "arxiv.org", "export.arxiv.org", "github.com", "raw.githubusercontent.com", "gist.github.com",
            "aclanthology.org", "aclweb.org", "openreview.net", "proceedings.neurips.cc", "papers.nips.cc",
            "neurips.cc", "proceedings.mlr.press", "openaccess.thecvf.com", "ojs.aaai.org", "aaai.org", "ijcai.org",
            "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com", "doi.org", "dx.doi.org", "jmlr.org",
            "ecva.net", "isca-archive.org", "semanticscholar.org", "scholar.google.com", "paperswithcode.com",
            "huggingface.co", "zhihu.com", "zhuanlan.zhihu.com", "blog.csdn.net", "csdn.net", "mp.weixin.qq.com",
            "bilibili.com", "youtube.com", "youtu.be", "twitter.com", "x.com", "medium.com", "openai.com",
            "ai.meta.com", "research.google", "blog.research.google", "deepmind.google", "deepmind.com",
            "microsoft.com", "colab.research.google.com", "drive.google.com", "sites.google.com",
            "img.shields.io", "notion.site", "*.github.io", "*.readthedocs.io", "*.medium.com", "*.notion.site",
            "*.substack.com", "*.hf.space");

    // Where papers appear once a venue has accepted them: proceedings, not preprint servers or review sites.
    private static final Set<String> PROCEEDINGS = Set.of(
            "aclanthology.org", "aclweb.org", "proceedings.neurips.cc", "papers.nips.cc", "proceedings.mlr.press",
            "openaccess.thecvf.com", "ojs.aaai.org", "ijcai.org", "dl.acm.org", "ieeexplore.ieee.org",
            "link.springer.com", "jmlr.org", "ecva.net", "isca-archive.org");

    private Hosts() {}

    /** The URL's host in lower case without {@code www.}, or empty when it has none. */
    static Optional<String> host(String url) {
        try {
            String host = URI.create(url.strip().replace(" ", "%20")).getHost();
            if (host == null) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean servesHttps(String host) {
        return listed(HTTPS, host);
    }

    static boolean publishesProceedings(String host) {
        return listed(PROCEEDINGS, host);
    }

    private static boolean listed(Set<String> hosts, String host) {
        if (hosts.contains(host)) {
            return true;
        }
        int dot = host.indexOf('.');
        return dot > 0 && hosts.contains("*" + host.substring(dot));
    }
}
