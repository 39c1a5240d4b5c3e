package dev.paperlist;

/**
 * The one failure type of paperlist: a message meant for the user and the exit code it maps to.
 * The command-line handler prints the message as a single line; the stack trace only with --stacktrace.
 */
public final class PaperlistException extends RuntimeException {
    private final ExitCode exitCode;

    public PaperlistException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PaperlistException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
