package dev.paperlist.cli;

import dev.paperlist.sync.OutputPlanner;
import picocli.CommandLine.Option;

/** The files a command works on (the catalogue and its README), relative to the working folder. Mixed in. */
public final class FileOptions extends CatalogOption {

    @Option(names = {"-o", "--readme"}, paramLabel = "FILE",
            description = "Render into this file only, in the catalogue's layout (default: the catalogue's "
                    + "'outputs', or README.md).")
    String readme;

    /** What plans the outputs of these files in this environment. */
    OutputPlanner planner(Environment environment) {
        return planner(environment, catalog, readme);
    }

    /** The same for a catalogue and {@code --readme} (or {@code null}) given otherwise. */
    static OutputPlanner planner(Environment environment, String catalog, String readme) {
        return new OutputPlanner(environment.resolve(catalog), catalog, readme, environment.workingDirectory(),
                environment.variables(), path -> Paths.display(environment, path));
    }
}
