package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A domain concept and the everyday words that express it ("possu", "lihasika" → sika). Terms
 * are base forms; a term of several words matches those lemmas in sequence.
 */
public record Concept(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) LocalizedText name,
    @JsonProperty(required = true) List<String> terms,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Concept {
    terms = terms == null ? List.of() : List.copyOf(terms);
  }
}
