package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A domain concept and the everyday words that express it ("possu", "lihasika" → sika). Terms
 * are base forms; a term of several words matches those lemmas in sequence. A concept that is a
 * quantity lists the units it is counted in ("noin 2000 ihmistä" → yleisömäärä 2000).
 */
public record Concept(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) LocalizedText name,
    @JsonProperty(required = true) List<String> terms,
    List<String> units,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Concept {
    terms = terms == null ? List.of() : List.copyOf(terms);
    units = units == null ? List.of() : List.copyOf(units);
  }

  /** A concept that is not a quantity. */
  public Concept(String id, LocalizedText name, List<String> terms, Meta meta) {
    this(id, name, terms, List.of(), meta);
  }
}
