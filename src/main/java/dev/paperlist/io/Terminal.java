package dev.paperlist.io;

import java.io.Console;

/**
 * A person at a terminal who can answer questions. paperlist asks only when there is one; scripts and
 * CI have none, and a missing value is then an error instead of a question nobody will answer.
 */
public interface Terminal {
    /** Shows {@code prompt} and reads one line; {@code null} at the end of input. */
    String ask(String prompt);

    /** The process's console, or {@code null} when standard input or output is not a terminal. */
    static Terminal system() {
        Console console = System.console();
        return console == null ? null : prompt -> console.readLine("%s", prompt);
    }
}
