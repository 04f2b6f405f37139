package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A regression case: a customer's story, optional known facts, and the items the plan must and
 * must not contain.
 *
 * @param required items the plan must hold, needed or possible
 * @param needed items the plan must hold as needed: what the customer said settles them
 * @param possible items the plan must hold as possible, each with a question still open
 * @param forbidden items the plan must not hold at all
 */
public record Situation(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String text,
    Map<String, Object> facts,
    List<String> required,
    List<String> needed,
    List<String> possible,
    List<String> forbidden,
    String note) {

  public Situation {
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    required = required == null ? List.of() : List.copyOf(required);
    needed = needed == null ? List.of() : List.copyOf(needed);
    possible = possible == null ? List.of() : List.copyOf(possible);
    forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
  }
}
