package fi.viranomaisbotti.engine.unanswered;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What users asked in words with the same content-word lemmas ("yhdistys perustaa" for
 * "perustin yhdistyksen" and "yhdistyksen perustaminen"), with how often, when first and last,
 * and a few of the texts, masked. Immutable.
 *
 * @param key the content-word lemmas, sorted and joined by spaces
 * @param kinds why its texts were captured
 * @param count how many texts it holds (within the retention period)
 * @param examples the newest texts first, masked as the turns are
 * @param resolvedBy who dismissed or converted it, or null while open
 * @param convertedTo "kind/id" of the draft item it became, or null
 */
public record UnansweredGroup(
    String id,
    String key,
    State state,
    Set<UnansweredKind> kinds,
    int count,
    Instant first,
    Instant last,
    List<String> examples,
    String resolvedBy,
    Instant resolvedAt,
    String convertedTo) {

  /** Where a group is in the editor's work. */
  public enum State {
    OPEN,
    DISMISSED,
    CONVERTED
  }

  public UnansweredGroup {
    kinds = Set.copyOf(kinds);
    examples = List.copyOf(examples);
  }
}
