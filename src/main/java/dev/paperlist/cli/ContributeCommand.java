package dev.paperlist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperlist contribute}: groups what lets people without Java propose papers through GitHub. */
@Command(name = "contribute", mixinStandardHelpOptions = true,
        description = {"Set up contributions through a GitHub issue form: a filled-in form becomes a pull request "
                + "through 'paperlist add --from-issue' (see the README's workflow)."},
        subcommands = {ContributeInitCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  paperlist contribute init"})
final class ContributeCommand implements Runnable {
    @ParentCommand RootCommand root;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
