package dev.paperlist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist hook}: groups the commands that manage the plain git pre-commit hook. */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = {"Manage a plain git pre-commit hook that runs 'paperlist check' before each commit, for "
                + "repositories that do not use the pre-commit framework."},
        subcommands = {HookInstallCommand.class, HookUninstallCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist hook install", "  paperlist hook install --chain   # keep the hook that is there",
            "  paperlist hook uninstall"})
final class HookCommand implements Runnable {
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
