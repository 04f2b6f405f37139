package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * An organisation in the service ecosystem: an authority, a public body, a private firm or a
 * third-sector organisation. Actors that were reorganised keep their old names as aliases and
 * point to their successor.
 */
public record Actor(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) ActorType type,
    @JsonProperty(required = true) LocalizedText name,
    List<String> aliases,
    String description,
    LocalDate validFrom,
    LocalDate validTo,
    String successor,
    String url,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Actor {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** Whether the actor exists on the given day. */
  public boolean activeOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom))
        && (validTo == null || !day.isAfter(validTo));
  }
}
