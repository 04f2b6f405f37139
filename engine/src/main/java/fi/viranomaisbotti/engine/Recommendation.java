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
   * An event, obligation, actor or service in the recommendation: what every kind has. Each kind
   * is a record of its own; their components are in the order the API's JSON shows them, the
   * common ones first, and {@code type} names the kind ("event", "obligation", "service" or
   * "actor").
   */
  public sealed interface Item permits EventItem, ObligationItem, ServiceItem, ActorItem {
    String id();

    /** "event", "obligation", "service" or "actor". */
    String type();

    String name();

    String why();

    /** "needed" or "possible". */
    String certainty();

    /** Concept ids whose answers would settle a possible item. */
    List<String> dependsOn();

    List<Explained> reasons();

    String source();

    /** "draft" when a legal detail of the item is not yet verified, else "reviewed". */
    String status();
  }

  /**
   * An event of the customer's situation that the rules found.
   *
   * @param counterfactual what in the customer's situation would make the item unnecessary, e.g.
   *     "Ei tarvita, jos et aio anniskella alkoholia."; null when nothing stated decides it
   */
  public record EventItem(
      String id,
      String type,
      String name,
      String why,
      String certainty,
      List<String> dependsOn,
      List<Explained> reasons,
      String source,
      String status,
      String counterfactual)
      implements Item {
    public static final String TYPE = "event";

    public EventItem {
      requireType(TYPE, type);
    }

    public EventItem(
        String id, String name, String why, String certainty, List<String> dependsOn, List<Explained> reasons,
        String source, String status, String counterfactual) {
      this(id, TYPE, name, why, certainty, dependsOn, reasons, source, status, counterfactual);
    }
  }

  /**
   * A permit, notice, registration or other duty, with the actor that handles it.
   *
   * @param kind the obligation's kind in lower case, e.g. "permit" or "notification"
   * @param actor the handling actor's id, after its successor chain
   * @param actorName the actor's name, or its unit serving the customer's municipality
   * @param url where to do it online, or null
   * @param counterfactual as in {@link EventItem#counterfactual()}
   */
  public record ObligationItem(
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
      String counterfactual)
      implements Item {
    public static final String TYPE = "obligation";

    public ObligationItem {
      requireType(TYPE, type);
    }

    public ObligationItem(
        String id, String name, String why, String certainty, List<String> dependsOn, List<Explained> reasons,
        String kind, String actor, String actorName, String legalBasis, String leadTime, String conditions, String url,
        String source, String status, String counterfactual) {
      this(id, TYPE, name, why, certainty, dependsOn, reasons, kind, actor, actorName, legalBasis, leadTime, conditions,
          url, source, status, counterfactual);
    }
  }

  /**
   * A service that helps the customer, with the actor that provides it.
   *
   * @param kind the service's sector in lower case, e.g. "public"
   * @param actor the providing actor's id, after its successor chain
   * @param actorName the actor's name, or its unit serving the customer's municipality
   * @param counterfactual as in {@link EventItem#counterfactual()}
   */
  public record ServiceItem(
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
      String url,
      String source,
      String status,
      String counterfactual)
      implements Item {
    public static final String TYPE = "service";

    public ServiceItem {
      requireType(TYPE, type);
    }

    public ServiceItem(
        String id, String name, String why, String certainty, List<String> dependsOn, List<Explained> reasons,
        String kind, String actor, String actorName, String url, String source, String status, String counterfactual) {
      this(id, TYPE, name, why, certainty, dependsOn, reasons, kind, actor, actorName, url, source, status,
          counterfactual);
    }
  }

  /**
   * An actor that handles or provides some of the obligations and services; always needed, and
   * explained by the items it handles, so {@code dependsOn} and {@code reasons} are empty.
   *
   * @param name the actor's name, or its unit serving the customer's municipality
   * @param kind the actor's type in lower case, e.g. "municipality"
   */
  public record ActorItem(
      String id,
      String type,
      String name,
      String why,
      String certainty,
      List<String> dependsOn,
      List<Explained> reasons,
      String kind,
      String url,
      String source,
      String status)
      implements Item {
    public static final String TYPE = "actor";

    public ActorItem {
      requireType(TYPE, type);
    }

    public ActorItem(String id, String name, String why, String kind, String url, String source, String status) {
      this(id, TYPE, name, why, "needed", List.of(), List.of(), kind, url, source, status);
    }
  }

  /**
   * The type component exists only so that the JSON keeps "type" in second place (records are
   * written in component order); it can hold nothing but the record's own type.
   */
  private static void requireType(String expected, String type) {
    if (!expected.equals(type)) {
      throw new IllegalArgumentException(
          "An item of type '" + expected + "' was given the type '" + type + "'; use the constructor without a type.");
    }
  }

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
