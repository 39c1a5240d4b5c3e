package dev.paperlist.model;

/** A link to the list author's own notes on a paper, shown as {@code [label]} (HTML, 知乎, CSDN, …). */
public record NoteLink(String label, String url) {}
