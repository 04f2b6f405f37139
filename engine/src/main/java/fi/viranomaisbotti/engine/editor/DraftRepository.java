package fi.viranomaisbotti.engine.editor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the shared draft is kept: the corpus files that differ from the live version (a removed
 * file as a null text), with a revision that grows with every change. Implementations are
 * thread-safe, and {@link #update} is atomic across server nodes.
 */
public interface DraftRepository {

  /**
   * The draft as stored.
   *
   * @param files path → text, or null for a file the draft removes
   */
  record Draft(long revision, Map<String, String> files) {
    public Draft {
      files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }
  }

  /**
   * What an update writes.
   *
   * @param clearFirst whether the draft is emptied before the files are written (an import)
   * @param files path → new text, or null to remove the file in the draft
   * @param result what the update returns to its caller
   */
  record Edit<T>(boolean clearFirst, Map<String, String> files, T result) {
    public Edit {
      files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** An update that writes nothing. */
    public static <T> Edit<T> none(T result) {
      return new Edit<>(false, Map.of(), result);
    }
  }

  /** The work of an update, given the draft as it stands under the update's lock. */
  @FunctionalInterface
  interface Update<T> {
    Edit<T> apply(Draft current);
  }

  Draft read();

  /**
   * Runs the update with the draft locked: no other update reads or writes it until this one's
   * writes are committed. An update that throws writes nothing.
   */
  <T> T update(Update<T> update);

  /** Removes the draft's files written at or before the revision (those a publish took). */
  void clearUpTo(long revision);
}
