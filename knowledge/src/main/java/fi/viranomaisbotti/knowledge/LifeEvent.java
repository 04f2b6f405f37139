package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A life or business event (founding a farm, opening a restaurant, hiring) with its phases. */
public record LifeEvent(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) LocalizedText name,
    String description,
    List<Phase> phases,
    String ptvLifeEvent,
    Ptv ptv,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public LifeEvent {
    phases = phases == null ? List.of() : List.copyOf(phases);
    ptv = ptv == null ? Ptv.NONE : ptv;
  }
}
