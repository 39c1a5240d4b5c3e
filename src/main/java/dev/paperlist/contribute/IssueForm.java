package dev.paperlist.contribute;

import static dev.paperlist.catalog.edit.CatalogWriter.quoted;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.edit.CatalogEditor;
import dev.paperlist.model.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The GitHub issue form through which someone without Java proposes a paper: its fields, shared by the
 * form this class writes and by {@link IssueSubmission}, which reads what GitHub makes of a filled-in form.
 */
public final class IssueForm {
    /** Where GitHub looks for the form, relative to the repository's top folder. */
    public static final String PATH = ".github/ISSUE_TEMPLATE/add-paper.yml";
    /** The label the form puts on its issues; the workflow runs only for issues that carry it. */
    public static final String LABEL = "add-paper";
    /** Between the titles of a section path, as {@code --section} takes it. */
    public static final String SEPARATOR = "/";

    private IssueForm() {}

    /** One field of the form, in the form's order, with the {@code add} option it fills. */
    public enum Field {
        SECTION("section", "Section", "dropdown", "--section",
                "Where the paper goes in the list.", null),
        ARXIV("arxiv", "arXiv id or URL", "input", "--arxiv",
                "Title, authors, date and abstract are read from arXiv. Without one, give the title and the URL.",
                "2402.12226"),
        TITLE("title", "Title", "input", "--title",
                "The paper's full title; only for a paper that is not on arXiv.", null),
        URL("url", "Paper URL", "input", "--url",
                "The paper's page; by default its arXiv page.", "https://"),
        NAME("name", "Short name", "input", "--name",
                "The paper's heading in the list, such as AnyGPT; by default the part of the title before a colon.",
                null),
        CODE("code", "Code repository", "input", "--code",
                "The GitHub repository, as owner/repo or https://github.com/owner/repo.", "owner/repo"),
        VENUE("venue", "Venue", "input", "--venue",
                "Where it was accepted, such as ICLR 2024; by default what arXiv's comment says.", null),
        TOPICS("topics", "Topics", "textarea", "--topic",
                "Topics for the list's tag pages, one a line.", null),
        NOTES("notes", "Note links", "textarea", "--note",
                "Links to notes on the paper, one a line, as: Label = https://...", "My notes = https://");

        private final String id;
        private final String label;
        private final String type;
        private final String option;
        private final String description;
        private final String placeholder;

        Field(String id, String label, String type, String option, String description, String placeholder) {
            this.id = id;
            this.label = label;
            this.type = type;
            this.option = option;
            this.description = description;
            this.placeholder = placeholder;
        }

        public String id() {
            return id;
        }

        /** The field's heading in the issue body: GitHub writes {@code ### label} above each answer. */
        public String label() {
            return label;
        }

        /** The {@code paperlist add} option the answer is given to. */
        public String option() {
            return option;
        }

        /** Whether the answer may span lines: one value a line. */
        public boolean multiline() {
            return type.equals("textarea");
        }

        public boolean required() {
            return this == SECTION;
        }
    }

    /** The dropdown's options: every section's path, in page order, each once. */
    public static List<String> sectionPaths(Catalog catalog) {
        return new ArrayList<>(new LinkedHashSet<>(CatalogEditor.sectionPaths(catalog)));
    }

    /** The form for a catalogue, as YAML: the same text for the same sections. */
    public static String yaml(Catalog catalog, String catalogName) {
        List<String> sections = sectionPaths(catalog);
        if (sections.isEmpty()) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, catalogName + ": the catalogue has no section, so the "
                    + "issue form would have nothing to choose from; add a section first");
        }
        for (String path : sections) {
            // GitHub adds a "None" choice of its own and refuses a form that offers one.
            if (path.strip().toLowerCase(Locale.ROOT).equals("none")) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, catalogName + ": a section is called '" + path
                        + "', which GitHub reserves in an issue form's dropdown; rename the section");
            }
        }
        StringBuilder y = new StringBuilder();
        y.append("# Written by 'paperlist contribute init' from the catalogue's sections; 'paperlist lint' warns when\n");
        y.append("# they change. Each answer is read by 'paperlist add --from-issue', by the field's label.\n");
        y.append("name: Add a paper\n");
        y.append("description: Propose a paper for the list; a pull request that adds it is opened for you.\n");
        y.append("title: ").append(quoted("Add a paper: ")).append('\n');
        y.append("labels: [").append(quoted(LABEL)).append("]\n");
        y.append("body:\n");
        y.append("  - type: markdown\n");
        y.append("    attributes:\n");
        y.append("      value: ").append(quoted("Choose the section and give the arXiv id (or the title and URL of a paper "
                + "that is not on arXiv); the rest is optional. A pull request that adds the paper is opened for you, "
                + "or a comment says what to fix; editing the issue runs it again.")).append('\n');
        for (Field field : Field.values()) {
            y.append("  - type: ").append(field.type).append('\n');
            y.append("    id: ").append(field.id).append('\n');
            y.append("    attributes:\n");
            y.append("      label: ").append(quoted(field.label)).append('\n');
            y.append("      description: ").append(quoted(field.description)).append('\n');
            if (field.placeholder != null) {
                y.append("      placeholder: ").append(quoted(field.placeholder)).append('\n');
            }
            if (field == Field.SECTION) {
                y.append("      options:\n");
                for (String path : sections) {
                    y.append("        - ").append(quoted(path)).append('\n');
                }
            }
            if (field.required()) {
                y.append("    validations:\n");
                y.append("      required: true\n");
            }
        }
        return y.toString();
    }
}
