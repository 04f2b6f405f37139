package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A domain concept and the everyday words that express it ("possu", "lihasika" → sika). Terms
 * are base forms; a term of several words matches those lemmas in sequence. A concept that is a
 * quantity lists the units it is counted in ("noin 2000 ihmistä" → yleisömäärä 2000). The
 * colloquial forms ("musa", "duunari", "remppa") are matched as terms too; they are listed apart
 * so that a check can require every concept to have one. A concept that names a kind of buyer
 * ({@code buyer: true}, "kauppaketju" for selling to other businesses) is kept where a sentence
 * names the one something is sold to ("myyn makkaraa kauppaketjuille"); other concepts said of a
 * buyer ("myyn kalaa ravintoloille") are not the customer's own and are left out. A concept whose
 * terms name a place something goes to ({@code direction: to}, exports to China) is not read from
 * a place word in a case of coming from ("Kiinasta"), and one of places something comes from
 * ({@code direction: from}) not from a case of going to ("Kiinaan").
 */
public record Concept(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) LocalizedText name,
    @JsonProperty(required = true) List<String> terms,
    List<String> units,
    List<String> colloquial,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean buyer,
    @JsonProperty(required = true) Meta meta,
    @JsonInclude(JsonInclude.Include.NON_NULL) String direction)
    implements Item {

  /** {@code direction} of a concept whose terms name where something goes. */
  public static final String TO = "to";

  /** {@code direction} of a concept whose terms name where something comes from. */
  public static final String FROM = "from";

  public Concept {
    if (direction != null && !direction.equals(TO) && !direction.equals(FROM)) {
      throw new IllegalArgumentException("Concept '" + id + "' has direction '" + direction
          + "'; write 'to' (its terms name where something goes) or 'from' (where it comes from), or leave it out.");
    }
    terms = terms == null ? List.of() : List.copyOf(terms);
    units = units == null ? List.of() : List.copyOf(units);
    colloquial = colloquial == null ? List.of() : List.copyOf(colloquial);
    buyer = Boolean.TRUE.equals(buyer) ? Boolean.TRUE : null; // written only when true
  }

  /** A concept without a direction. */
  public Concept(String id, LocalizedText name, List<String> terms, List<String> units, List<String> colloquial, Boolean buyer, Meta meta) {
    this(id, name, terms, units, colloquial, buyer, meta, null);
  }

  /** A concept that names no kind of buyer. */
  public Concept(String id, LocalizedText name, List<String> terms, List<String> units, List<String> colloquial, Meta meta) {
    this(id, name, terms, units, colloquial, null, meta);
  }

  /** Whether the concept names a kind of buyer and so applies where a sentence names whom something is sold to. */
  public boolean namesBuyer() {
    return Boolean.TRUE.equals(buyer);
  }

  /** A concept without colloquial forms listed. */
  public Concept(String id, LocalizedText name, List<String> terms, List<String> units, Meta meta) {
    this(id, name, terms, units, List.of(), meta);
  }

  /** A concept that is not a quantity. */
  public Concept(String id, LocalizedText name, List<String> terms, Meta meta) {
    this(id, name, terms, List.of(), meta);
  }

  /** The terms and the colloquial forms, each once. */
  public List<String> allTerms() {
    List<String> all = new java.util.ArrayList<>(terms);
    colloquial.stream().filter(c -> !all.contains(c)).forEach(all::add);
    return List.copyOf(all);
  }
}
