package fi.viranomaisbotti.engine.editor;

import java.time.Instant;
import java.util.List;

/** What the knowledge editor answers, as immutable records. */
public final class EditorViews {
  private EditorViews() {}

  /** An item in a list of a kind. */
  public record ItemSummary(String id, String name, String status, String file, boolean changed) {}

  /** A stored item with the draft's problems that concern it or its file. */
  public record Saved(EditorItem item, List<EditorProblem> problems) {
    public Saved {
      problems = List.copyOf(problems);
    }
  }

  /** An item or file the draft adds, changes or removes; kind "files" for files without items. */
  public record Change(String kind, String id, String type) {}

  /** A corpus file the draft adds, changes or removes. */
  public record FileChange(String path, String type) {}

  /** The draft: its base (the live version), revision, changes and validation. */
  public record DraftSummary(int base, long revision, List<Change> changes, List<FileChange> files, boolean valid,
      List<EditorProblem> problems) {
    public DraftSummary {
      changes = List.copyOf(changes);
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** A version made live. */
  public record Published(int version, String hash, Instant at) {}
}
