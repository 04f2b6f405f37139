package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * An organisation in the service ecosystem: an authority, a public body, a private firm or a
 * third-sector organisation. Actors that were reorganised keep their old names as aliases and
 * point to their successor; tasks that went elsewhere name their own successors ({@code
 * taskSuccessors}). {@code competence} says which regional unit serves a municipality.
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
    List<TaskSuccessor> taskSuccessors,
    String url,
    RegionLevel competence,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Actor {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    taskSuccessors = taskSuccessors == null ? List.of() : List.copyOf(taskSuccessors);
    competence = competence == null ? RegionLevel.NATIONAL : competence;
  }

  /**
   * The name of the unit that serves a municipality: the elinvoimakeskus, employment area or
   * wellbeing services county it belongs to, or the municipality's own authority.
   */
  public String unitFor(Municipality m) {
    // "Työllisyysalue (kuntien työllisyyspalvelut)" → "Työllisyysalue" before the unit is added.
    String base = name.fi().replaceFirst("\\s*\\([^)]*\\)$", "");
    return switch (competence) {
      case NATIONAL -> name.fi();
      case MUNICIPALITY -> base + " (" + m.name().fi() + ")";
      case VITALITY_CENTRE -> m.vitalityCentre();
      case EMPLOYMENT_AREA -> base + " (" + m.employmentArea() + ")";
      case WELLBEING_COUNTY -> base + " (" + m.wellbeingCounty() + ")";
    };
  }

  /** Whether the actor exists on the given day. */
  public boolean activeOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom))
        && (validTo == null || !day.isAfter(validTo));
  }
}
