package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An entry of the shared answer base: one question asked in several ways, a plain-language
 * answer for citizens and notes only officials see.
 *
 * @param related ids of obligations, actors, services or events the answer is about
 */
public record Answer(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) LocalizedText name,
    @JsonProperty(required = true) List<String> questions,
    @JsonProperty(required = true) String citizenText,
    String officialNotes,
    List<String> keywords,
    List<String> related,
    Ptv ptv,
    @JsonProperty(required = true) Meta meta)
    implements Item {

  public Answer {
    questions = questions == null ? List.of() : List.copyOf(questions);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    related = related == null ? List.of() : List.copyOf(related);
    ptv = ptv == null ? Ptv.NONE : ptv;
  }
}
