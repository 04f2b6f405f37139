package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A clarifying question the bot may ask. Answering it settles one concept: yes/no answers
 * become a positive or negative statement of the concept, numbers a quantity.
 *
 * @param concept id of the concept or quantity the answer settles
 * @param name the question as shown to the user
 */
public record Question(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String concept,
    @JsonProperty(required = true) AnswerType type,
    @JsonProperty(required = true) LocalizedText name,
    List<String> choices,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Question {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** Whether the answer is an amount ("paljonko…"), not yes or no. */
  public boolean takesNumber() {
    return type == AnswerType.NUMBER;
  }

  /** The kind of answer the UI should offer. */
  public enum AnswerType {
    YES_NO,
    NUMBER,
    CHOICE,
    MUNICIPALITY
  }
}
