package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Advice, funding, an e-service or a private service the customer can use. */
public record Service(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) LocalizedText name,
    String description,
    @JsonProperty(required = true) String provider,
    @JsonProperty(required = true) Sector sector,
    List<String> channels,
    String url,
    Phase phase,
    Ptv ptv,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Service {
    channels = channels == null ? List.of() : List.copyOf(channels);
    ptv = ptv == null ? Ptv.NONE : ptv;
  }
}
