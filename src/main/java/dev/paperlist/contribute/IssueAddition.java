package dev.paperlist.contribute;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.add.AddRequest;
import dev.paperlist.add.PaperAdder;
import dev.paperlist.sync.OutputPlanner;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code paperlist add --from-issue}: adds the paper a submitted issue form gives. With a GitHub comment,
 * standard output is the comment alone, on failure too, and the usual lines go to standard error.
 */
public final class IssueAddition {
    private IssueAddition() {}

    /**
     * Adds the paper and returns the exit code.
     *
     * @param options the command line's options, which may say nothing about the paper
     * @param source the issue file as given, or {@code -} for {@code stdin}
     * @param resolve resolves {@code source} against the working folder
     * @param comment whether standard output is a Markdown comment for the issue
     */
    public static int run(PaperAdder adder, AddRequest options, String source, Function<String, Path> resolve,
                          InputStream stdin, boolean comment, OutputPlanner outputs,
                          PrintWriter out, PrintWriter err) {
        if (!options.equals(IssueSubmission.noPaperOptions(options.dryRun(), options.render()))) {
            throw new PaperlistException(ExitCode.USAGE, "paperlist add: --from-issue takes the paper from the issue; "
                    + "give no other option about the paper");
        }
        try {
            IssueSubmission submission = source.equals("-") ? IssueSubmission.read(stdin, "standard input")
                    : IssueSubmission.read(resolve.apply(source), source);
            PaperAdder.Outcome outcome = submission.add(adder, options.dryRun(), options.render(), outputs);
            outcome.notes().forEach(err::println);
            outcome.out().forEach((comment ? err : out)::println);
            if (comment) {
                out.print(IssueComment.success(outcome));
            }
            return 0;
        } catch (PaperlistException e) {
            if (comment) {
                out.print(IssueComment.failure(e));
            }
            throw e;
        }
    }
}
