package dev.paperlist.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every subcommand of {@code paperlist} by name, in the order help lists them; see {@link RootCommand#SUBCOMMANDS}. */
final class Subcommands {
    private Subcommands() {}

    /** A new unmodifiable map; picocli reads a command class only when {@link Cli} adds it. */
    static Map<String, Class<?>> all() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("render", RenderCommand.class);
        all.put("check", CheckCommand.class);
        all.put("add", AddCommand.class);
        all.put("import", ImportCommand.class);
        all.put("lint", LintCommand.class);
        all.put("hook", HookCommand.class);
        all.put("sections", SectionsCommand.class);
        all.put("completion", CompletionCommand.class);
        all.put("site", SiteCommand.class);
        all.put("export", ExportCommand.class);
        all.put("contribute", ContributeCommand.class);
        all.put("links", LinksCommand.class);
        all.put("refresh", RefreshCommand.class);
        all.put("help", picocli.CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(all);
    }
}
