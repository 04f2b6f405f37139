package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A regression case: a customer's story, optional known facts, and the items the plan must and
 * must not contain.
 */
public record Situation(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String text,
    Map<String, Object> facts,
    List<String> required,
    List<String> forbidden,
    String note) {

  public Situation {
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    required = required == null ? List.of() : List.copyOf(required);
    forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
  }
}
