package dev.paperlist.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code paperlist completion}: prints a shell completion script for bash, zsh or fish. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for your shell: commands, options, option values, files, and "
                + "section paths read from papers.yaml as you type."},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist completion bash > ~/.paperlist.bash   # source it in ~/.bashrc",
            "  paperlist completion zsh > ~/.paperlist.zsh     # source it in ~/.zshrc",
            "  paperlist completion fish > ~/.config/fish/completions/paperlist.fish",
            "  source <(paperlist completion bash)             # this bash session only"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be written for. */
    enum Shell { bash, zsh, fish }

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        String script = switch (shell) {
            case bash -> CompletionScripts.bash(root);
            case zsh -> CompletionScripts.zsh(root);
            case fish -> CompletionScripts.fish(root);
        };
        spec.commandLine().getOut().print(script);
        return 0;
    }
}
