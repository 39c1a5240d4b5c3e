package dev.paperlist.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shell completion scripts from the command tree itself, so a new command or option completes without
 * further work. bash and zsh share picocli's bash script (zsh runs it through its bashcompinit); fish gets
 * its own {@code complete} lines. Options marked with {@link SectionCandidates} complete section paths
 * read from the catalogue when the user presses tab.
 */
final class CompletionScripts {
    // Reads section paths at completion time; bash, and zsh in its sh emulation, index COMP_WORDS from 0.
    private static final String BASH_SECTIONS = """

            # Section paths for options that take one (such as add --section), read from the catalogue named by
            # --catalog earlier on the line, or papers.yaml, each time the user asks for completions.
            function __paperlist_section_paths() {
              local catalog="" i
              for (( i=1; i<${#COMP_WORDS[@]}; i++ )); do
                case "${COMP_WORDS[i]}" in
                  -c|--catalog) catalog="${COMP_WORDS[i+1]}" ;;
                  --catalog=*) catalog="${COMP_WORDS[i]#--catalog=}" ;;
                esac
              done
              "${COMP_WORDS[0]}" sections ${catalog:+--catalog "$catalog"} 2>/dev/null
            }
            """;

    private CompletionScripts() {}

    static String bash(CommandSpec root) {
        String script = AutoComplete.bash(root.name(), root.commandLine()).replace("\r\n", "\n");
        for (String option : sectionOptions(root)) {
            Pattern line = Pattern.compile("(?m)^(\\s*)local (\\w+)=\\(.*\\) # " + Pattern.quote(option) + " values$");
            Matcher m = line.matcher(script);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String indent = m.group(1);
                String array = m.group(2);
                m.appendReplacement(out, Matcher.quoteReplacement(indent + "local " + array + "=() __paperlist_path # "
                        + option + " values, read when completing\n" + indent
                        + "while IFS= read -r __paperlist_path; do " + array + "+=(\"$__paperlist_path\"); done "
                        + "< <(__paperlist_section_paths)"));
            }
            m.appendTail(out);
            script = out.toString();
        }
        return script + BASH_SECTIONS;
    }

    static String zsh(CommandSpec root) {
        return "# zsh completion for " + root.name() + ": the bash completion script, which loads zsh's "
                + "bashcompinit.\n# Source it from ~/.zshrc.\n" + bash(root);
    }

    static String fish(CommandSpec root) {
        StringBuilder out = new StringBuilder();
        String name = root.name();
        out.append("# fish completion for ").append(name).append("; put it in ~/.config/fish/completions/")
                .append(name).append(".fish\n");
        out.append("function __").append(name).append("_section_paths\n")
                .append("    set -l words (commandline -opc)\n")
                .append("    set -l catalog\n")
                .append("    for i in (seq 2 (count $words))\n")
                .append("        switch $words[$i]\n")
                .append("            case -c --catalog\n")
                .append("                set catalog --catalog $words[(math $i + 1)]\n")
                .append("            case '--catalog=*'\n")
                .append("                set catalog --catalog (string replace -- --catalog= '' $words[$i])\n")
                .append("        end\n")
                .append("    end\n")
                .append("    $words[1] sections $catalog 2>/dev/null\n")
                .append("end\n");
        out.append("complete -c ").append(name).append(" -f\n");
        fishCommand(out, name, root, List.of());
        return out.toString();
    }

    // A command's options, then its subcommands and theirs; conditions keep each to its own command.
    private static void fishCommand(StringBuilder out, String name, CommandSpec command, List<String> path) {
        List<String> subcommands = new ArrayList<>(command.subcommands().keySet());
        String here = path.isEmpty() ? "__fish_use_subcommand" : "__fish_seen_subcommand_from " + path.get(path.size() - 1);
        for (OptionSpec option : command.options()) {
            if (option.hidden()) {
                continue;
            }
            out.append("complete -c ").append(name).append(" -n ").append(quote(here));
            for (String n : option.names()) {
                if (n.startsWith("--")) {
                    out.append(" -l ").append(n.substring(2));
                } else if (n.startsWith("-") && n.length() == 2) {
                    out.append(" -s ").append(n.substring(1));
                }
            }
            if (option.arity().max() > 0) {
                if (option.completionCandidates() instanceof SectionCandidates) {
                    out.append(" -x -a ").append(quote("(__" + name + "_section_paths)"));
                } else if (option.completionCandidates() != null) {
                    List<String> values = new ArrayList<>();
                    option.completionCandidates().forEach(values::add);
                    out.append(" -x -a ").append(quote(String.join(" ", values)));
                } else {
                    out.append(" -r -F");
                }
            }
            out.append(" -d ").append(quote(firstLine(option.description()))).append('\n');
        }
        String positionals = command.positionalParameters().stream()
                .filter(p -> p.completionCandidates() != null)
                .flatMap(p -> {
                    List<String> values = new ArrayList<>();
                    p.completionCandidates().forEach(values::add);
                    return values.stream();
                }).reduce((a, b) -> a + " " + b).orElse("");
        if (!positionals.isEmpty()) {
            out.append("complete -c ").append(name).append(" -n ").append(quote(here)).append(" -a ")
                    .append(quote(positionals)).append('\n');
        } else if (!path.isEmpty() && !command.positionalParameters().isEmpty()) {
            // A positional without candidates is a file, such as import's README.
            out.append("complete -c ").append(name).append(" -n ").append(quote(here)).append(" -F\n");
        }
        for (String sub : subcommands) {
            CommandLine child = command.subcommands().get(sub);
            String condition = path.isEmpty() ? "__fish_use_subcommand"
                    : "__fish_seen_subcommand_from " + path.get(path.size() - 1) + "; and not __fish_seen_subcommand_from "
                            + String.join(" ", subcommands);
            out.append("complete -c ").append(name).append(" -n ").append(quote(condition)).append(" -a ").append(sub)
                    .append(" -d ").append(quote(firstLine(child.getCommandSpec().usageMessage().description())))
                    .append('\n');
        }
        for (String sub : subcommands) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(sub);
            fishCommand(out, name, command.subcommands().get(sub).getCommandSpec(), childPath);
        }
    }

    private static List<String> sectionOptions(CommandSpec root) {
        List<String> names = new ArrayList<>();
        collectSectionOptions(root, names);
        return names;
    }

    private static void collectSectionOptions(CommandSpec command, List<String> names) {
        for (OptionSpec option : command.options()) {
            if (option.completionCandidates() instanceof SectionCandidates && !names.contains(option.longestName())) {
                names.add(option.longestName());
            }
        }
        command.subcommands().values().forEach(child -> collectSectionOptions(child.getCommandSpec(), names));
    }

    private static String firstLine(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String text = description[0].replace("%n", " ").replaceAll("\\$\\{[^}]*}", "").replaceAll("\\s+", " ").strip();
        // fish shows one short line per candidate: the first clause is enough.
        Matcher stop = Pattern.compile("[.:;] ").matcher(text);
        return stop.find() ? text.substring(0, stop.start()) : text.replaceAll("\\.$", "");
    }

    // fish single quotes: only backslash and the quote itself are special.
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
