package dev.paperlist.contribute;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.add.AddRequest;
import dev.paperlist.add.OptionValues;
import dev.paperlist.add.PaperAdder;
import dev.paperlist.contribute.IssueForm.Field;
import dev.paperlist.io.IoMessages;
import dev.paperlist.io.TextFile;
import dev.paperlist.model.NoteLink;
import dev.paperlist.sync.OutputPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filled-in {@link IssueForm} as GitHub writes it into the issue's body: under each {@code ### label}
 * heading the answer, or {@code _No response_}. Read from the body's Markdown or from the JSON of an
 * {@code issues} event, it becomes the {@link AddRequest} that the same answers given as options would make.
 */
public final class IssueSubmission {
    /** GitHub keeps at most this many characters of an issue body; a longer one is not a submitted form. */
    public static final int MAX_BODY_CHARS = 65_536;
    /** The largest file read: an event's JSON escapes the body and adds the repository's description around it. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    private static final String NO_RESPONSE = "_No response_";
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)]\\((\\S+)\\)");
    private static final Pattern OPTION = Pattern.compile("--(section|arxiv|title|url|name|code|venue|topic|note)\\b");

    private final Map<Field, List<String>> answers;

    private IssueSubmission(Map<Field, List<String>> answers) {
        this.answers = answers;
    }

    /** Reads a file of the issue body or the event JSON, as {@code --from-issue FILE} names it. */
    public static IssueSubmission read(Path file, String displayName) {
        return of(TextFile.readBytes(file, displayName, MAX_FILE_BYTES), displayName);
    }

    /** The same from a stream, such as standard input for {@code --from-issue -}. */
    public static IssueSubmission read(InputStream in, String displayName) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, String.format(Locale.ROOT,
                        "%s: more than %,d bytes (%d MiB), the limit", displayName, MAX_FILE_BYTES, MAX_FILE_BYTES >> 20));
            }
            return of(bytes, displayName);
        } catch (IOException e) {
            throw new PaperlistException(ExitCode.IO, displayName + ": cannot read: " + IoMessages.describe(e), e);
        }
    }

    /** The submission in a file's bytes: the issue body's Markdown, or an {@code issues} event whose issue.body it is. */
    public static IssueSubmission of(byte[] bytes, String displayName) {
        String text = TextFile.decode(bytes, displayName).text();
        String body = text.stripLeading().startsWith("{") ? bodyOfEvent(text, displayName) : text;
        if (body.length() > MAX_BODY_CHARS) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, String.format(Locale.ROOT, "%s: the issue body is "
                    + "%,d characters, more than the %,d GitHub keeps; it is not a submitted form", displayName,
                    body.length(), MAX_BODY_CHARS));
        }
        return parse(body, displayName);
    }

    private static String bodyOfEvent(String json, String displayName) {
        JsonNode event;
        try {
            event = new ObjectMapper().readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + ":" + where + "not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode body = event.path("issue").path("body");
        if (body.isMissingNode()) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + ": JSON without issue.body; give the "
                    + "payload of an 'issues' event, or the issue body itself");
        }
        if (!body.isTextual()) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + ": the issue has no body; open it with "
                    + "the 'Add a paper' form");
        }
        return body.asText();
    }

    /** Reads the answers under the form's headings, which GitHub writes in the form's order. */
    static IssueSubmission parse(String body, String displayName) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        // A heading is looked for only after the previous field's, so text in an answer cannot pose as an
        // earlier field; an answer runs to the next heading found.
        Map<Field, Integer> headings = new EnumMap<>(Field.class);
        int from = 0;
        for (Field field : Field.values()) {
            String heading = "### " + field.label();
            for (int i = from; i < lines.length; i++) {
                if (lines[i].strip().equals(heading)) {
                    headings.put(field, i);
                    from = i + 1;
                    break;
                }
            }
        }
        if (!headings.containsKey(Field.SECTION)) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, displayName + ": no '### " + Field.SECTION.label()
                    + "' heading; open the issue with the 'Add a paper' form");
        }
        Map<Field, List<String>> answers = new EnumMap<>(Field.class);
        List<Integer> starts = new ArrayList<>(headings.values());
        for (Map.Entry<Field, Integer> entry : headings.entrySet()) {
            int start = entry.getValue() + 1;
            int next = starts.indexOf(entry.getValue()) + 1;
            int end = next < starts.size() ? starts.get(next) : lines.length;
            List<String> values = new ArrayList<>();
            for (String line : Arrays.asList(lines).subList(start, end)) {
                String value = line.strip();
                if (!value.isEmpty() && !value.equals(NO_RESPONSE)) {
                    values.add(value);
                }
            }
            Field field = entry.getKey();
            if (values.size() > 1 && !field.multiline()) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, "paperlist add: '" + field.label() + "' has "
                        + values.size() + " lines; give one");
            }
            answers.put(field, List.copyOf(values));
        }
        return new IssueSubmission(answers);
    }

    /** The answer to a one-line field, or {@code null} for no answer. */
    public String answer(Field field) {
        List<String> values = answers.getOrDefault(field, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    /** The answers to a field, one a line; list bullets are dropped. */
    public List<String> answers(Field field) {
        List<String> out = new ArrayList<>();
        for (String value : answers.getOrDefault(field, List.of())) {
            String item = value.startsWith("- ") || value.startsWith("* ") ? value.substring(2).strip() : value;
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    /** A request with no paper in it: what {@code add}'s options are when only the issue gives the paper. */
    public static AddRequest noPaperOptions(boolean dryRun, boolean render) {
        return new AddRequest(null, List.of(), null, null, null, null, null, null, List.of(), List.of(), List.of(),
                List.of(), null, List.of(), null, null, null, null, null, false, false, dryRun, render);
    }

    /** The request the answers make, as {@code add} would get it from the matching options. */
    public AddRequest request(boolean dryRun, boolean render) {
        String section = answer(Field.SECTION);
        if (section == null) {
            throw new PaperlistException(ExitCode.INVALID_INPUT, "paperlist add: '" + Field.SECTION.label()
                    + "' has no answer; choose the section the paper belongs in");
        }
        List<NoteLink> notes = new ArrayList<>();
        for (String note : answers(Field.NOTES)) {
            Matcher link = MARKDOWN_LINK.matcher(note);
            try {
                notes.add(OptionValues.note(link.matches() ? link.group(1) + "=" + link.group(2) : note));
            } catch (IllegalArgumentException e) {
                throw new PaperlistException(ExitCode.INVALID_INPUT, inFormTerms("paperlist add: --note " + e.getMessage()));
            }
        }
        String arxiv = answer(Field.ARXIV);
        return new AddRequest(section, arxiv == null ? List.of() : List.of(arxiv), answer(Field.NAME),
                answer(Field.TITLE), answer(Field.URL), answer(Field.CODE), answer(Field.VENUE), null, List.of(),
                List.of(), List.of(), notes, null, answers(Field.TOPICS), null, null, null, null, null, false, false,
                dryRun, render);
    }

    /**
     * Adds the paper. What is wrong with the answers is an error in the issue, not in the command line: it
     * exits 3 (invalid input) and names the form's fields instead of the options they fill.
     */
    public PaperAdder.Outcome add(PaperAdder adder, boolean dryRun, boolean render,
                                  OutputPlanner outputs) {
        AddRequest request = request(dryRun, render);
        try {
            return adder.add(request, outputs);
        } catch (PaperlistException e) {
            if (e.exitCode() != ExitCode.USAGE && e.exitCode() != ExitCode.INVALID_INPUT) {
                throw e;
            }
            throw new PaperlistException(ExitCode.INVALID_INPUT, inFormTerms(e.getMessage()), e);
        }
    }

    // "--url must be …" becomes "'Paper URL' must be …"; advice to use --force is for a maintainer.
    static String inFormTerms(String message) {
        String forced = message.replace("use --force", "a maintainer can use 'paperlist add --force'")
                .replace("use --new-section to create it", "choose one of the sections the form offers");
        Matcher m = OPTION.matcher(forced);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String option = "--" + m.group(1);
            String label = Arrays.stream(Field.values()).filter(f -> f.option().equals(option)).findFirst()
                    .map(Field::label).orElse(option);
            m.appendReplacement(out, Matcher.quoteReplacement("'" + label + "'"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
