package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A realistic query to the answer base with graded relevance: answer id → 3 (the answer), 2
 * (answers most of it), 1 (related, useful). Answers not listed count as irrelevant.
 *
 * @param audience "citizen" or "official": who asks, and so which fields are searched
 * @param style how the query is written, e.g. "inflected", "colloquial", "no-diacritics",
 *     "misspelled", "keywords", "adviser"
 */
public record SearchJudgment(
    @JsonProperty(required = true) String query,
    String audience,
    String style,
    @JsonProperty(required = true) Map<String, Integer> relevant) {

  public SearchJudgment {
    audience = audience == null ? "citizen" : audience;
    relevant = relevant == null ? Map.of() : Map.copyOf(relevant);
  }
}
