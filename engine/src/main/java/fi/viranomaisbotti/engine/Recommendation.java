package fi.viranomaisbotti.engine;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * @param interpretations misspelt words of this turn's text and how they were read
 *     ("ravintlan" → "ravintolan"), for the user to check
 * @param questionAnswer when this turn's text asks something ("Tarvitseeko kahvila
 *     anniskeluluvan?"), the best answer to it from the answer base (citizen texts), or that none
 *     fits; null when the turn asked nothing
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
    List<String> notices,
    List<fi.viranomaisbotti.nlp.Interpretation> interpretations,
    QuestionAnswer questionAnswer) {

  /** A recommendation for a turn that asked nothing. */
  public Recommendation(
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
      List<String> notices,
      List<fi.viranomaisbotti.nlp.Interpretation> interpretations) {
    this(language, knowledgeVersion, facts, factSources, municipality, understood, eventSignals, lifeEvents, obligations,
        actors, services, questions, plan, answers, notices, interpretations, null);
  }

  /** A recommendation whose text needed no corrections. */
  public Recommendation(
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
    this(language, knowledgeVersion, facts, factSources, municipality, understood, eventSignals, lifeEvents, obligations,
        actors, services, questions, plan, answers, notices, List.of(), null);
  }

  /** This recommendation with more notices after its own. */
  public Recommendation withNotices(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new java.util.ArrayList<>(notices);
    all.addAll(more);
    return new Recommendation(language, knowledgeVersion, facts, factSources, municipality, understood, eventSignals,
        lifeEvents, obligations, actors, services, questions, plan, answers, List.copyOf(all), interpretations, questionAnswer);
  }

  /**
   * This recommendation with what a turn's text adds to what follows from the facts: the concepts
   * the text named, the classifier's suggestions and the answers related to the turn.
   */
  public Recommendation withTurn(
      List<Understood> understoodNow, List<fi.viranomaisbotti.nlp.EventSignal> signalsNow, List<AnswerHit> answersNow) {
    return new Recommendation(language, knowledgeVersion, facts, factSources, municipality, understoodNow, signalsNow,
        lifeEvents, obligations, actors, services, questions, plan, answersNow, notices, interpretations, questionAnswer);
  }

  /** This recommendation with the corrections made in reading its text. */
  public Recommendation withInterpretations(List<fi.viranomaisbotti.nlp.Interpretation> read) {
    return new Recommendation(language, knowledgeVersion, facts, factSources, municipality, understood, eventSignals,
        lifeEvents, obligations, actors, services, questions, plan, answers, notices, List.copyOf(read), questionAnswer);
  }

  /** This recommendation with the answer to the question its turn asked. */
  public Recommendation withQuestionAnswer(QuestionAnswer answer) {
    return new Recommendation(language, knowledgeVersion, facts, factSources, municipality, understood, eventSignals,
        lifeEvents, obligations, actors, services, questions, plan, answers, notices, interpretations, answer);
  }

  /**
   * What the answer base says to the question a turn asked: the best citizen answer with its
   * source, status and related items, or {@code found == false} when nothing in it fits.
   *
   * @param answer the best answer, or null when none fits
   */
  public record QuestionAnswer(boolean found, AnswerHit answer) {
    public static QuestionAnswer of(List<AnswerHit> hits) {
      return hits.isEmpty() ? new QuestionAnswer(false, null) : new QuestionAnswer(true, hits.get(0));
    }
  }

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
   * An event, obligation, service or actor in the recommendation. What every kind has is a
   * component here; what only some kinds have is in {@code details}, typed by kind (none for an
   * event). In JSON the details' fields stand among the item's own, in the order of the components.
   *
   * @param type "event", "obligation", "service" or "actor"; it always matches {@code details}
   * @param certainty "needed" or "possible"
   * @param dependsOn concept ids whose answers would settle a possible item
   * @param status "draft" when a legal detail of the item is not yet verified, else "reviewed"
   * @param counterfactual what in the customer's situation would make the item unnecessary, e.g.
   *     "Ei tarvita, jos et aio anniskella alkoholia."; null when nothing stated decides it, and
   *     for actors
   */
  public record Item(
      String id,
      String type,
      String name,
      String why,
      String certainty,
      List<String> dependsOn,
      List<Explained> reasons,
      @JsonUnwrapped Details details,
      String source,
      String status,
      String counterfactual) {

    public static final String EVENT = "event";
    public static final String OBLIGATION = "obligation";
    public static final String SERVICE = "service";
    public static final String ACTOR = "actor";

    /**
     * Ends the why of a possible item, followed by the questions about its {@code dependsOn}
     * joined with {@link #OR}.
     */
    public static final String ONLY_IF = " Tarpeen vain, jos: ";

    public static final String OR = " / ";

    public Item {
      String expected = details == null ? EVENT
          : details instanceof Handling ? OBLIGATION
          : details instanceof Provision ? SERVICE
          : ACTOR;
      if (!expected.equals(type)) {
        throw new IllegalArgumentException("An item of type '" + type + "' cannot carry the details of an " + expected
            + " (" + (details == null ? "none" : details.getClass().getSimpleName()) + "); use the factory of its kind.");
      }
      dependsOn = List.copyOf(dependsOn);
      reasons = List.copyOf(reasons);
    }

    /** What the rules concluded about one item: shared by events, obligations and services. */
    public record Concluded(String id, String name, String why, String certainty, List<String> dependsOn,
        List<Explained> reasons, String source, String status, String counterfactual) {}

    public static Item event(Concluded c) {
      return of(EVENT, c, null);
    }

    public static Item obligation(Concluded c, Handling handling) {
      return of(OBLIGATION, c, handling);
    }

    public static Item service(Concluded c, Provision provision) {
      return of(SERVICE, c, provision);
    }

    /** An actor is always needed, explained by the items it handles, so it has no reasons of its own. */
    public static Item actor(String id, String name, String why, Contact contact, String source, String status) {
      return new Item(id, ACTOR, name, why, "needed", List.of(), List.of(), contact, source, status, null);
    }

    private static Item of(String type, Concluded c, Details details) {
      return new Item(c.id(), type, c.name(), c.why(), c.certainty(), c.dependsOn(), c.reasons(), details, c.source(),
          c.status(), c.counterfactual());
    }

    /** The actor's name (or its unit for the customer's municipality) for obligations and services; else null. */
    public String actorName() {
      return details instanceof Handling h ? h.actorName() : details instanceof Provision p ? p.actorName() : null;
    }
  }

  /** What only some kinds of item have: an obligation's handling, a service's provision, an actor's contact. */
  public sealed interface Details permits Handling, Provision, Contact {}

  /**
   * How an obligation (a permit, notice, registration or other duty) is handled.
   *
   * @param kind the obligation's kind in lower case, e.g. "permit"
   * @param actor the handling actor's id, after its successor chain
   * @param actorName the actor's name, or its unit serving the customer's municipality
   * @param url where to do it online, or null
   */
  public record Handling(String kind, String actor, String actorName, String legalBasis, String leadTime,
      String conditions, String url) implements Details {}

  /**
   * Who provides a service, and where.
   *
   * @param kind the service's sector in lower case, e.g. "public"
   * @param actor the providing actor's id, after its successor chain
   */
  public record Provision(String kind, String actor, String actorName, String url) implements Details {}

  /**
   * How to reach an actor.
   *
   * @param kind the actor's type in lower case, e.g. "municipality"
   */
  public record Contact(String kind, String url) implements Details {}

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
   * @param timing the obligation's lead time or deadline relative to the start day, where its cited
   *     text gives a period (see {@link fi.viranomaisbotti.knowledge.Timing}); null otherwise
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
      boolean critical,
      fi.viranomaisbotti.knowledge.Timing timing) {

    /** A step whose time the knowledge gives only in words, if at all. */
    public PlanStep(int order, int stage, String id, String type, String name, String why, String phase, String certainty,
        List<String> after, String actorName, String leadTime, String deadline, boolean cycle, boolean critical) {
      this(order, stage, id, type, name, why, phase, certainty, after, actorName, leadTime, deadline, cycle, critical, null);
    }

    /** This step with its machine-readable lead time or deadline. */
    public PlanStep withTiming(fi.viranomaisbotti.knowledge.Timing t) {
      return new PlanStep(order, stage, id, type, name, why, phase, certainty, after, actorName, leadTime, deadline, cycle,
          critical, t);
    }
  }
}
