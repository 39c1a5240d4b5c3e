package dev.paperlist.cli;

import dev.paperlist.hooks.GitHook;
import picocli.CommandLine.Option;

/** What {@code hook install} does with a hook paperlist did not write; at most one, an exclusive group. */
final class ExistingHookOptions {
    @Option(names = "--chain", description = "Keep the hook that is there and run it before the check.")
    boolean chain;

    @Option(names = "--force", description = "Replace the hook that is there.")
    boolean force;

    GitHook.Existing mode() {
        return chain ? GitHook.Existing.CHAIN : GitHook.Existing.REPLACE;
    }
}
