package fi.viranomaisbotti.engine.editor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Where published knowledge versions are kept, with which one is live. Implementations are thread-safe. */
public interface KnowledgeVersionRepository {
  /** Every version, newest first. */
  List<KnowledgeVersion> list();

  Optional<KnowledgeVersion> live();

  Optional<KnowledgeVersion> find(int number);

  /** A version's files, path → text; empty for an unknown number. */
  Optional<SortedMap<String, String>> files(int number);

  /** Whether a packaged corpus with this hash was stored before. */
  boolean packaged(String hash);

  /**
   * Stores the files as the next version and makes it the live one, in one transaction.
   *
   * @return the stored version
   */
  KnowledgeVersion publish(SortedMap<String, String> files, String hash, String by, Instant at, String message, String origin);

  /** Makes an existing version the live one again (undoing a publish whose swap failed). */
  void markLive(int number);
}
