package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Example utterances for one life or business event, as customers would write them: training
 * data for the event classifier and test data for the Finnish pipeline.
 */
public record EventExamples(
    @JsonProperty(required = true) String event, @JsonProperty(required = true) List<String> examples) {
  public EventExamples {
    examples = examples == null ? List.of() : List.copyOf(examples);
  }
}
