package fi.viranomaisbotti.engine.unanswered;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the queue of unanswered questions is kept. Implementations are thread-safe. */
public interface UnansweredRepository {

  /**
   * Adds a masked text to the group of its lemma key, creating the group (open) when there is
   * none; a dismissed or converted group keeps its state and counts the text.
   *
   * @param keyHash a fixed-length digest of the key, unique per group
   */
  void add(String keyHash, String key, UnansweredKind kind, String maskedText, Instant at);

  /**
   * The groups in a state (all states when null), the most often asked first, each with at most
   * {@code examples} of its newest texts.
   */
  List<UnansweredGroup> groups(UnansweredGroup.State state, int limit, int examples);

  Optional<UnansweredGroup> group(String id, int examples);

  /**
   * Marks an open group dismissed or converted.
   *
   * @return false when there is no such open group
   */
  boolean resolve(String id, UnansweredGroup.State state, String by, Instant at, String convertedTo);

  /**
   * Deletes the texts captured before the cutoff, and the groups left without texts.
   *
   * @return how many texts were deleted
   */
  int deleteBefore(Instant cutoff);
}
