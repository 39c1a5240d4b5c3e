package dev.paperlist.fetch;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of an arXiv API Atom feed that paperlist reads. The parser is StAX with DTDs and external
 * entities switched off, and a DOCTYPE is refused outright: the API never sends one, so a response that
 * has one is not from the API (or is an entity-expansion attack).
 */
record AtomFeed(List<Entry> entries) {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";

    /** One {@code <entry>} as written, white space not yet normalised. */
    record Entry(String id, String title, String summary, String published, List<String> authors, String comment,
                 String journalRef, String doi) {
        /** The API reports a failed query as HTTP 200 with a single entry titled "Error". */
        boolean isError() {
            return "Error".equals(title == null ? null : title.strip())
                    && (id == null || id.contains("/api/errors"));
        }
    }

    /** Why a body is not a feed; {@code line} and {@code column} are 0 when unknown. */
    static final class Malformed extends Exception {
        final int line;
        final int column;
        final boolean doctype;

        Malformed(String message, int line, int column, boolean doctype) {
            super(message);
            this.line = line;
            this.column = column;
            this.doctype = doctype;
        }
    }

    static AtomFeed parse(byte[] body) throws Malformed {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            return read(reader);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new Malformed("not well-formed XML", at == null ? 0 : Math.max(at.getLineNumber(), 0),
                    at == null ? 0 : Math.max(at.getColumnNumber(), 0), false);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Nothing was held open but the byte array.
                }
            }
        }
    }

    private static AtomFeed read(XMLStreamReader r) throws XMLStreamException, Malformed {
        List<Entry> entries = new ArrayList<>();
        boolean sawFeed = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                Location at = r.getLocation();
                throw new Malformed("it has a DOCTYPE, which the arXiv API never sends", at.getLineNumber(),
                        at.getColumnNumber(), true);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!sawFeed) {
                if (!ATOM.equals(r.getNamespaceURI()) || !"feed".equals(r.getLocalName())) {
                    Location at = r.getLocation();
                    throw new Malformed("it is not an Atom feed (the root element is <" + r.getLocalName() + ">)",
                            at.getLineNumber(), at.getColumnNumber(), false);
                }
                sawFeed = true;
            } else if (ATOM.equals(r.getNamespaceURI()) && "entry".equals(r.getLocalName())) {
                entries.add(entry(r));
            }
        }
        if (!sawFeed) {
            throw new Malformed("it is empty", 0, 0, false);
        }
        return new AtomFeed(entries);
    }

    // Reads from <entry> to its end tag.
    private static Entry entry(XMLStreamReader r) throws XMLStreamException {
        String id = null;
        String title = null;
        String summary = null;
        String published = null;
        String comment = null;
        String journalRef = null;
        String doi = null;
        List<String> authors = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (depth == 1 && ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> id = r.getElementText();
                    case "title" -> title = r.getElementText();
                    case "summary" -> summary = r.getElementText();
                    case "published" -> published = r.getElementText();
                    case "author" -> {
                        String author = author(r);
                        if (author != null) {
                            authors.add(author);
                        }
                    }
                    default -> depth++;
                }
            } else if (depth == 1 && ARXIV.equals(ns) && name.equals("comment")) {
                comment = r.getElementText();
            } else if (depth == 1 && ARXIV.equals(ns) && name.equals("journal_ref")) {
                journalRef = r.getElementText();
            } else if (depth == 1 && ARXIV.equals(ns) && name.equals("doi")) {
                doi = r.getElementText();
            } else {
                depth++;
            }
        }
        return new Entry(id, title, summary, published, authors, comment, journalRef, doi);
    }

    // Reads <author> to its end tag; its <name> is the author (the <arxiv:affiliation> is not used).
    private static String author(XMLStreamReader r) throws XMLStreamException {
        String name = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && ATOM.equals(r.getNamespaceURI()) && "name".equals(r.getLocalName())) {
                    name = r.getElementText();
                } else {
                    depth++;
                }
            }
        }
        return name;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // Not every StAX implementation knows these; DTD support is already off.
        }
    }
}
