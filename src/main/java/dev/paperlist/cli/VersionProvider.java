package dev.paperlist.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RootCommand.class.getResourceAsStream("/dev/paperlist/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"paperlist " + p.getProperty("version", "unknown")};
    }
}
