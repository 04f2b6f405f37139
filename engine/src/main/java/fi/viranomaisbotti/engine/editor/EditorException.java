package fi.viranomaisbotti.engine.editor;

import java.util.List;

/**
 * An editor's request the knowledge editor refuses, with why ({@link Reason}), the problems found
 * and, for a stale write, the item as it stands now.
 */
public final class EditorException extends RuntimeException {
  /** Why a request is refused. */
  public enum Reason {
    BAD_KIND,
    ITEM_NOT_FOUND,
    ITEM_EXISTS,
    IF_MATCH_REQUIRED,
    STALE_ITEM,
    ITEM_INVALID,
    KNOWLEDGE_INVALID,
    DRAFT_EMPTY,
    VERSION_NOT_FOUND,
    BAD_ZIP,
    ZIP_TOO_LARGE,
    BAD_ZIP_ENTRY,
    NO_VERSIONS,
    MISSING_MESSAGE
  }

  private final Reason reason;
  private final transient List<EditorProblem> problems;
  private final transient EditorItem current;

  public EditorException(Reason reason, String message) {
    this(reason, message, List.of(), null);
  }

  public EditorException(Reason reason, String message, List<EditorProblem> problems, EditorItem current) {
    super(message);
    this.reason = reason;
    this.problems = List.copyOf(problems);
    this.current = current;
  }

  public Reason reason() {
    return reason;
  }

  /** The problems that refuse it (an invalid item or draft); empty otherwise. */
  public List<EditorProblem> problems() {
    return problems;
  }

  /** The item as it stands now, for a stale write; null otherwise. */
  public EditorItem current() {
    return current;
  }
}
