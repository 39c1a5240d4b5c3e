package dev.paperlist.cli;

import dev.paperlist.hooks.GitHook;
import dev.paperlist.hooks.GitRepository;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist hook uninstall}: removes paperlist's git pre-commit hook, and only that. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Remove the git pre-commit hook that 'paperlist hook install' wrote, putting back a hook it "
                + "chained. A hook paperlist did not write is left as it is (exit 5)."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist hook uninstall"})
final class HookUninstallCommand implements Callable<Integer> {
    @ParentCommand HookCommand hook;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Environment environment = hook.root.environment;
        Path hooksDir = GitRepository.hooksDirectory(environment.workingDirectory());
        GitHook.Outcome outcome = GitHook.uninstall(hooksDir, Paths.display(environment, hooksDir));
        spec.commandLine().getOut().println(outcome.summary());
        return 0;
    }
}
