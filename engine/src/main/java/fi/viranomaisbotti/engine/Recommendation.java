package fi.viranomaisbotti.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything the navigator says about one situation: the events it found, the obligations,
 * actors and services that follow, the questions that would settle what is uncertain, an ordered
 * plan, and answers from the answer base. Every item has an id, a Finnish name and a why.
 *
 * @param facts what the navigator took as known: concept id → true/false (stated or answered)
 * @param eventSignals the events the text classifier (trained on the corpus's example utterances)
 *     suggests, with its confidence; shown beside the rule-derived events, not merged into them
 * @param municipality where the customer operates, when stated or answered; actors' names then
 *     name the regional unit that serves it
 * @param notices remarks for the user, e.g. that some items are drafts
 */
public record Recommendation(
    String language,
    String knowledgeVersion,
    Map<String, Boolean> facts,
    List<Fact> factSources,
    Place municipality,
    List<Understood> understood,
    List<fi.viranomaisbotti.nlp.EventSignal> eventSignals,
    List<Item> lifeEvents,
    List<Item> obligations,
    List<Item> actors,
    List<Item> services,
    List<ClarifyingQuestion> questions,
    List<PlanStep> plan,
    List<AnswerHit> answers,
    List<String> notices) {

  /**
   * The customer's municipality and the regional units that serve it; null when not known.
   *
   * @param source "stated" (in the text) or "answered" (given as the fact "kunta")
   */
  public record Place(
      String code, String name, String region, String vitalityCentre, String employmentArea, String wellbeingCounty, String source) {}

  /**
   * A known fact and where it came from.
   *
   * @param value true or false for a yes/no fact, a number for a quantity
   * @param provenance "stated" (in the customer's text) or "answered" (a question's answer or a
   *     changed fact)
   */
  public record Fact(String concept, String name, Object value, String provenance, List<String> evidence) {}

  /** A concept found in the text, with the words that expressed it. */
  public record Understood(String concept, String name, boolean negated, String evidence) {}

  /**
   * An event, obligation, actor or service in the recommendation. Fields that do not apply to
   * the item's type are null.
   *
   * @param certainty "needed" or "possible"
   * @param dependsOn concept ids whose answers would settle a possible item
   * @param status "draft" when a legal detail of the item is not yet verified, else "reviewed"
   * @param counterfactual what in the customer's situation would make the item unnecessary, e.g.
   *     "Ei tarvita, jos et aio anniskella alkoholia."; null when nothing stated decides it
   */
  public record Item(
      String id,
      String type,
      String name,
      String why,
      String certainty,
      List<String> dependsOn,
      List<Explained> reasons,
      String kind,
      String actor,
      String actorName,
      String legalBasis,
      String leadTime,
      String conditions,
      String url,
      String source,
      String status,
      String counterfactual) {}

  /**
   * A question whose answer settles uncertain items.
   *
   * @param type YES_NO, NUMBER, CHOICE or MUNICIPALITY, for quick replies
   * @param settles ids of the items the answer decides
   */
  public record ClarifyingQuestion(
      String id, String name, String why, String concept, String type, List<String> choices, List<String> settles) {}

  /**
   * One step of the plan, in order.
   *
   * @param stage steps with the same stage have no order between them and can run in parallel;
   *     stage 1 can start at once
   * @param after ids of steps that must be done first
   * @param cycle true when the step is in a deal-breaker loop with other steps (each waits for the
   *     other); {@code notices} explains how to break it
   * @param critical true when the step is on the critical path: the longest chain of
   *     prerequisites, counted in steps while the content has no verified durations
   */
  public record PlanStep(
      int order,
      int stage,
      String id,
      String type,
      String name,
      String why,
      String phase,
      String certainty,
      List<String> after,
      String actorName,
      String leadTime,
      String deadline,
      boolean cycle,
      boolean critical) {}
}
