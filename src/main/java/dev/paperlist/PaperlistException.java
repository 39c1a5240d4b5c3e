package dev.paperlist;

/**
 * The one failure type of paperlist: a message meant for the user and the exit code it maps to.
 * The command-line handler prints the message as a single line; the stack trace only with --stacktrace.
 */
public final class PaperlistException extends RuntimeException {
    private final ExitCode exitCode;
    private final transient Diagnostic diagnostic;

    public PaperlistException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public PaperlistException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, null, cause);
    }

    /** A failure at a place in a file; the message is the diagnostic's one-line form. */
    public PaperlistException(ExitCode exitCode, Diagnostic diagnostic) {
        this(exitCode, diagnostic.toString(), diagnostic, null);
    }

    public PaperlistException(ExitCode exitCode, Diagnostic diagnostic, Throwable cause) {
        this(exitCode, diagnostic.toString(), diagnostic, cause);
    }

    private PaperlistException(ExitCode exitCode, String message, Diagnostic diagnostic, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.diagnostic = diagnostic;
    }

    /** Where the problem is and what it is, when it is about a place in a file. */
    public java.util.Optional<Diagnostic> diagnostic() {
        return java.util.Optional.ofNullable(diagnostic);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
