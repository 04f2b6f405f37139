package fi.viranomaisbotti.engine.editor;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of item an editor edits, each with the corpus folder its files are in. All but
 * {@link #RULES} are entries of YAML list files; a rule item is a whole DRL file.
 */
public enum ItemKind {
  ACTORS("actors/"),
  OBLIGATIONS("obligations/"),
  SERVICES("services/"),
  EVENTS("events/"),
  ANSWERS("answers/"),
  CONCEPTS("vocabulary/"),
  QUESTIONS("questions/"),
  SITUATIONS("situations/"),
  RULES("rules/");

  private final String folder;

  ItemKind(String folder) {
    this.folder = folder;
  }

  /** The folder below the corpus root, with its trailing slash. */
  public String folder() {
    return folder;
  }

  /** "answers", as in the API's paths. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ItemKind> of(String wire) {
    for (ItemKind k : values()) {
      if (k.wire().equals(wire)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Whether a corpus file holds items of this kind. */
  boolean holds(String path) {
    if (!path.startsWith(folder)) {
      return false;
    }
    if (this == RULES) {
      return path.endsWith(".drl") && path.indexOf('/', folder.length()) < 0;
    }
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /** The kind whose items a file holds, if any. */
  static Optional<ItemKind> ofFile(String path) {
    for (ItemKind k : values()) {
      if (k.holds(path)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
