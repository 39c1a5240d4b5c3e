package dev.paperlist.cli;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the command line exactly as {@code main} uses it, for {@code main} and for tests: commands,
 * output streams, and the one place where failures become a message and an exit code.
 */
public final class Cli {
    private Cli() {}

    /** The whole command tree, as help and completion scripts describe it. */
    public static CommandLine create(Environment environment, PrintWriter out, PrintWriter err) {
        return create(environment, out, err, RootCommand.SUBCOMMANDS.keySet());
    }

    /**
     * The command line for running {@code args}: when they name a subcommand, only that one is built
     * (help, usage errors and completion still see them all), which saves most of picocli's start-up.
     */
    static CommandLine create(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        return create(environment, out, err, needed(args));
    }

    private static CommandLine create(Environment environment, PrintWriter out, PrintWriter err,
                                      java.util.Collection<String> subcommands) {
        RootCommand root = new RootCommand(environment);
        CommandLine cmd = new CommandLine(root);
        for (String name : subcommands) {
            cmd.addSubcommand(name, RootCommand.SUBCOMMANDS.get(name));
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, root.stacktrace, err));
        // picocli leaves arguments it does not know unreported when --help is among them, and shows the
        // help of the command before them: 'paperlist rendr --help' printed the root's help and exited 0.
        // An unknown command or option is a usage error with or without --help.
        cmd.setExecutionStrategy(parseResult -> {
            for (CommandLine.ParseResult part = parseResult; part != null; part = part.subcommand()) {
                if (!part.unmatched().isEmpty()) {
                    throw new CommandLine.UnmatchedArgumentException(part.commandSpec().commandLine(), part.unmatched());
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cmd.setParameterExceptionHandler((e, args) -> {
            err.println("paperlist: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCode.USAGE.code();
        });
        return cmd;
    }

    /** Runs one command line and returns the exit code; also catches errors such as OutOfMemoryError. */
    public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        boolean stacktrace = java.util.Arrays.asList(args).contains("--stacktrace");
        try {
            Integer fromStamp = args.length == 1 && args[0].equals("check") ? CheckCommand.fromStamp(environment, out) : null;
            if (fromStamp != null) {
                return fromStamp;
            }
            return create(environment, out, err, args).execute(args);
        } catch (Throwable t) {
            return report(t, stacktrace, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    // The root's own options take no values, so the first argument that is not an option is the
    // subcommand. help and completion describe the whole tree; anything else, a typo included, gets
    // the whole tree too, so that picocli can suggest the command meant.
    private static java.util.Collection<String> needed(String... args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                if (arg.equals("--")) {
                    break;
                }
                continue;
            }
            boolean describesTree = arg.equals("help") || arg.equals("completion");
            return RootCommand.SUBCOMMANDS.containsKey(arg) && !describesTree
                    ? java.util.List.of(arg) : RootCommand.SUBCOMMANDS.keySet();
        }
        return RootCommand.SUBCOMMANDS.keySet();
    }

    private static int report(Throwable e, boolean stacktrace, PrintWriter err) {
        int code;
        if (e instanceof PaperlistException failure) {
            err.println(visible(failure.getMessage()));
            code = failure.exitCode().code();
        } else if (e instanceof OutOfMemoryError) {
            err.println("paperlist: out of memory; the input is too large for this Java heap (give Java more:"
                    + " PAPERLIST_JAVA_OPTS=-Xmx4g for ./paperlist, JDK_JAVA_OPTIONS=-Xmx4g for java -jar)");
            code = ExitCode.INTERNAL.code();
        } else {
            err.println("paperlist: internal error: " + visible(String.valueOf(e)) + " (run with --stacktrace for details, and please report it)");
            code = ExitCode.INTERNAL.code();
        }
        if (stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * A message quotes text from the user's files; written raw, a line break would split the one-line
     * report, and control or bidirectional characters could rewrite the terminal or reorder the text.
     * Such characters are shown as {@code \\uXXXX} instead.
     */
    static String visible(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < message.length()
                    && Character.isLowSurrogate(message.charAt(i + 1));
            if (pair) {
                out.append(c).append(message.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.isSurrogate(c)
                    || (c >= '\u200B' && c <= '\u200F') || (c >= '\u2028' && c <= '\u202E')
                    || (c >= '\u2060' && c <= '\u2069') || c == '\uFEFF') {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
