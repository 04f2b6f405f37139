package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Advice, funding, an e-service or a private service the customer can use.
 *
 * @param prerequisites ids of obligations or services that must come first (e.g. a building
 *     permit before investment aid is paid)
 */
public record Service(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) LocalizedText name,
    String description,
    @JsonProperty(required = true) String provider,
    @JsonProperty(required = true) Sector sector,
    List<String> channels,
    String url,
    Phase phase,
    List<String> prerequisites,
    Ptv ptv,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Service {
    channels = channels == null ? List.of() : List.copyOf(channels);
    prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    ptv = ptv == null ? Ptv.NONE : ptv;
  }
}
