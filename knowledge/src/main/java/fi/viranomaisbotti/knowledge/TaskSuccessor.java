package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where part of a former actor's work went when it was not taken over by its main successor:
 * AVI's food and animal tasks to Ruokavirasto, ELY's public transport tasks to Traficom.
 *
 * @param actor the actor that took over these tasks
 * @param tasks the tasks, in a phrase ("eläinten terveys ja hyvinvointi sekä elintarvikkeet")
 */
public record TaskSuccessor(@JsonProperty(required = true) String actor, @JsonProperty(required = true) String tasks) {}
