package dev.paperlist.cli;

import dev.paperlist.hooks.GitHook;
import dev.paperlist.hooks.GitRepository;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist hook install}: writes the git pre-commit hook, where git looks for hooks. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Write a git pre-commit hook that runs 'paperlist check' and stops a commit whose README.md "
                + "is out of date. The hook goes where git looks for hooks (core.hooksPath is honoured).",
            "A hook that paperlist did not write is never replaced unless you say --force; --chain keeps it and "
                + "runs it first."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist hook install",
            "  paperlist hook install --chain",
            "  paperlist hook install --catalog lists/papers.yaml",
            "  paperlist hook install --command 'java -jar /opt/paperlist.jar'"})
final class HookInstallCommand implements Callable<Integer> {
    @ParentCommand HookCommand hook;
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true)
    ExistingHookOptions existing;

    @Option(names = {"-c", "--catalog"}, paramLabel = "FILE",
            description = "The catalogue the hook checks, relative to the top of the repository (default: papers.yaml).")
    String catalog;

    @Option(names = "--command", paramLabel = "COMMAND",
            description = "The shell command that runs paperlist (default: this paperlist: the ./paperlist launcher "
                    + "or the jar it runs from, else 'paperlist' on the PATH).")
    String command;

    @Override
    public Integer call() {
        Environment environment = hook.root.environment;
        Path hooksDir = GitRepository.hooksDirectory(environment.workingDirectory());
        String checkArguments = catalog == null ? "" : "--catalog " + GitHook.shellQuote(catalog);
        GitHook.Existing mode = existing == null ? GitHook.Existing.REFUSE : existing.mode();
        String runs = command != null ? command : SelfCommand.of(environment);
        GitHook.Outcome outcome = GitHook.install(hooksDir, Paths.display(environment, hooksDir), runs, checkArguments, mode);
        spec.commandLine().getOut().println(outcome.summary());
        spec.commandLine().getOut().println("it runs: " + runs + " check" + (checkArguments.isEmpty() ? "" : " " + checkArguments));
        return 0;
    }
}
