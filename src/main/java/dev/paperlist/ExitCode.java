package dev.paperlist;

/** The documented process exit codes; the README's table is written from this list. */
public enum ExitCode {
    /** Success: files rendered, or everything in sync. */
    OK(0),
    /** {@code check} found an output out of date (or {@code --strict} warnings). */
    STALE(1),
    /** The command line was wrong: unknown option, missing argument. */
    USAGE(2),
    /** An input file is invalid (papers.yaml or the README's markers), or {@code add}'s paper is already listed. */
    INVALID_INPUT(3),
    /** A network service failed: arXiv or GitHub. */
    NETWORK(4),
    /** A file could not be read, written or locked. */
    IO(5),
    /** A defect in paperlist itself; please report it. */
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
