package dev.paperlist.model;

/**
 * One file the catalogue is rendered into, with its own layout.
 *
 * @param file the path, relative to the catalogue's folder
 * @param layout one of {@link Settings#LAYOUTS}
 */
public record Output(String file, String layout) {}
