package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.Explained;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.Recommendation.Contact;
import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.Provision;
import fi.viranomaisbotti.engine.Recommendation.Understood;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.knowledge.Actor;
import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Meta;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.knowledge.Obligation;
import fi.viranomaisbotti.knowledge.Phase;
import fi.viranomaisbotti.knowledge.Service;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.ConceptMention;
import fi.viranomaisbotti.nlp.EventSignal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assembles a {@link Recommendation} from the rules' conclusions over the known facts: resolves
 * each id against the snapshot into a typed item, orders the items, gathers the actors, and adds
 * the plan ({@link PlanBuilder}), the questions ({@link QuestionRanker}) and the notices, worded by
 * {@link Explanations}. Reads only the snapshot; thread-safe.
 */
public final class Recommender {
  private final KnowledgeSnapshot knowledge;
  private final Explanations explanations;
  private final QuestionRanker questions;

  public Recommender(KnowledgeSnapshot knowledge) {
    this.knowledge = knowledge;
    this.explanations = new Explanations(knowledge);
    this.questions = new QuestionRanker(knowledge::questionFor);
  }

  /** The recommendation for the rules' conclusions, the answers found and this turn's text. */
  public Recommendation recommend(
      AnalysedText text,
      List<Signal> signals,
      List<Quantity> quantities,
      Collection<Conclusion> conclusions,
      List<AnswerHit> answers,
      Optional<Municipality> municipality,
      boolean municipalityAnswered,
      Map<String, String> counterfactuals,
      List<EventSignal> eventSignals) {
    return derive(text.language(), signals, quantities, conclusions, municipality, municipalityAnswered, counterfactuals)
        .withTurn(understood(text), eventSignals, answers);
  }

  /**
   * What the recommendation says that follows from the facts alone, in {@code language}: every
   * part but what this turn's text gives it ({@code understood}, {@code eventSignals} and
   * {@code answers} are empty; {@link Recommendation#withTurn} adds them). Depends only on its
   * arguments and the snapshot, so the result may be kept for the same facts.
   */
  public Recommendation derive(
      String language,
      List<Signal> signals,
      List<Quantity> quantities,
      Collection<Conclusion> conclusions,
      Optional<Municipality> municipality,
      boolean municipalityAnswered,
      Map<String, String> counterfactuals) {
    List<String> notices = new ArrayList<>();
    Set<String> shared = Explanations.sharedRules(conclusions);
    Municipality place = municipality.orElse(null);
    if (place != null && place.isAland()) {
      notices.add(Explanations.ALAND_NOTICE);
    }
    Map<String, Boolean> facts = new TreeMap<>();
    for (Signal s : signals) {
      facts.merge(s.getConcept(), !s.isNegated(), (a, b) -> a || b);
    }
    Set<String> measured = new HashSet<>();
    quantities.forEach(q -> measured.add(q.getConcept()));
    List<Item> events = new ArrayList<>();
    List<Item> obligations = new ArrayList<>();
    List<Item> services = new ArrayList<>();
    Map<String, Set<String>> actorFor = new LinkedHashMap<>();
    Map<String, Phase> phases = new HashMap<>();
    Map<String, List<String>> prerequisites = new HashMap<>();
    Map<String, String> deadlines = new HashMap<>();
    for (Conclusion c : conclusions) {
      Optional<fi.viranomaisbotti.knowledge.Item> known = switch (c.getKind()) {
        case "event" -> Optional.ofNullable(knowledge.events().get(c.getId()));
        case "obligation" -> Optional.ofNullable(knowledge.obligations().get(c.getId()));
        case "service" -> Optional.ofNullable(knowledge.services().get(c.getId()));
        default -> Optional.empty();
      };
      if (known.isEmpty()) {
        notices.add(List.of("event", "obligation", "service").contains(c.getKind())
            ? Explanations.unknownItem(c)
            : Explanations.unknownKind(c));
        continue;
      }
      Item.Concluded concluded = concluded(c, known.get(), shared, counterfactuals.get(c.getId()));
      if (known.get() instanceof Obligation o) {
        // In Åland its own authorities handle some tasks that municipalities or state agencies do elsewhere.
        boolean aland = place != null && place.isAland() && o.alandActor() != null;
        Actor a = knowledge.current(aland ? o.alandActor() : o.actor());
        obligations.add(Item.obligation(concluded, new Handling(o.kind().name().toLowerCase(Locale.ROOT), a.id(),
            actorName(a, place), o.legalBasis(), o.leadTime(), o.conditions(), o.eService())));
        handledBy(a, o.name().fi(), actorFor);
        phases.put(o.id(), o.phase());
        prerequisites.put(o.id(), o.prerequisites());
        if (o.deadline() != null) {
          deadlines.put(o.id(), o.deadline());
        }
      } else if (known.get() instanceof Service sv) {
        Actor a = knowledge.current(sv.provider());
        services.add(Item.service(concluded,
            new Provision(sv.sector().name().toLowerCase(Locale.ROOT), a.id(), actorName(a, place), sv.url())));
        handledBy(a, sv.name().fi(), actorFor);
        phases.put(sv.id(), sv.phase() == null ? Phase.FOUNDING : sv.phase());
        prerequisites.put(sv.id(), sv.prerequisites());
      } else {
        events.add(Item.event(concluded));
      }
    }
    Comparator<Item> order =
        Comparator.comparing((Item i) -> !"needed".equals(i.certainty()))
            .thenComparing(i -> phases.getOrDefault(i.id(), Phase.FOUNDING))
            .thenComparing(Item::name);
    events.sort(Comparator.comparing((Item i) -> !"needed".equals(i.certainty())).thenComparing(Item::name));
    obligations.sort(order);
    services.sort(order);
    List<Item> actors = actors(actorFor, place);
    boolean drafts = obligations.stream().anyMatch(i -> "draft".equals(i.status()))
        || services.stream().anyMatch(i -> "draft".equals(i.status()));
    if (drafts) {
      notices.add(Explanations.DRAFT_NOTICE);
    }
    if (events.isEmpty()) {
      notices.add("sv".equals(language) || "en".equals(language)
          ? Explanations.OTHER_LANGUAGE_NOTICE
          : Explanations.NOTHING_FOUND_NOTICE);
    }
    PlanBuilder.Plan plan = PlanBuilder.plan(obligations, services, phases, prerequisites, deadlines);
    for (List<String> loop : plan.cycles()) {
      notices.add(explanations.dealBreaker(loop));
    }
    List<Item> uncertain = new ArrayList<>();
    uncertain.addAll(events);
    uncertain.addAll(obligations);
    uncertain.addAll(services);
    return new Recommendation(
        language,
        knowledge.version(),
        java.util.Collections.unmodifiableMap(facts),
        List.copyOf(factSources(signals, quantities)),
        place(place, municipalityAnswered),
        List.of(),
        List.of(),
        List.copyOf(events),
        List.copyOf(obligations),
        List.copyOf(actors),
        List.copyOf(services),
        List.copyOf(questions.rank(uncertain, facts, measured)),
        plan.steps().stream().map(this::timed).toList(),
        List.of(),
        List.copyOf(notices));
  }

  /** The step with its obligation's machine-readable timing, when the knowledge gives one. */
  private Recommendation.PlanStep timed(Recommendation.PlanStep step) {
    Obligation o = knowledge.obligations().get(step.id());
    return o == null || o.timing() == null ? step : step.withTiming(o.timing());
  }

  private static String certainty(Conclusion c) {
    return c.isNeeded() ? "needed" : "possible";
  }

  private static List<Explained> reasons(Conclusion c) {
    return c.getReasons().stream().map(r -> new Explained(r.rule(), r.statement(), r.evidence())).toList();
  }

  private static String status(Meta meta) {
    return meta.status().name().toLowerCase(Locale.ROOT);
  }

  /** The actor's name, or the name of its unit that serves the municipality when one is known. */
  private static String actorName(Actor a, Municipality place) {
    return place == null ? a.name().fi() : a.unitFor(place);
  }

  /** The concepts this text names, once each per concept and negation, with the words that named them. */
  public List<Understood> understood(AnalysedText text) {
    Map<String, Understood> out = new LinkedHashMap<>();
    for (ConceptMention m : text.concepts()) {
      Concept c = knowledge.concepts().get(m.concept());
      out.putIfAbsent(
          m.concept() + ":" + m.negated(),
          new Understood(m.concept(), c == null ? m.concept() : c.name().fi(), m.negated(), m.evidence()));
    }
    return List.copyOf(out.values());
  }

  private List<Recommendation.Fact> factSources(List<Signal> signals, List<Quantity> quantities) {
    List<Recommendation.Fact> out = new ArrayList<>();
    for (Quantity q : quantities) {
      Concept c = knowledge.concepts().get(q.getConcept());
      out.add(new Recommendation.Fact(q.getConcept(), c == null ? q.getConcept() : c.name().fi(), q.getValue(),
          q.getProvenance().name().toLowerCase(Locale.ROOT), q.getEvidence()));
    }
    for (Signal s : signals) {
      Concept c = knowledge.concepts().get(s.getConcept());
      out.add(new Recommendation.Fact(
          s.getConcept(), c == null ? s.getConcept() : c.name().fi(), !s.isNegated(),
          s.getProvenance().name().toLowerCase(Locale.ROOT), s.getEvidence()));
    }
    return out;
  }

  private static Recommendation.Place place(Municipality m, boolean answered) {
    if (m == null) {
      return null;
    }
    return new Recommendation.Place(
        m.code(), m.name().fi(), m.region(), m.vitalityCentre(), m.employmentArea(), m.wellbeingCounty(),
        answered ? "answered" : "stated");
  }

  /** The counterfactual sentence for an item that negating {@code concept} would remove. */
  public String unlessSentence(String concept) {
    return explanations.unlessSentence(concept);
  }

  private List<Item> actors(Map<String, Set<String>> actorFor, Municipality place) {
    List<Item> out = new ArrayList<>();
    actorFor.forEach(
        (id, items) -> {
          Actor a = knowledge.actors().get(id);
          out.add(Item.actor(a.id(), actorName(a, place), Explanations.actorWhy(items),
              new Contact(a.type().name().toLowerCase(Locale.ROOT), a.url()), a.meta().source(), status(a.meta())));
        });
    out.sort(Comparator.comparing(Item::name));
    return out;
  }

  private static void handledBy(Actor a, String itemName, Map<String, Set<String>> actorFor) {
    actorFor.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(itemName);
  }

  private Item.Concluded concluded(
      Conclusion c, fi.viranomaisbotti.knowledge.Item item, Set<String> shared, String counterfactual) {
    // Membership organisations' advice (MTK, ProAgria, Suomen Yrittäjät) is an offer the customer
    // may take, never a step the law or the situation makes necessary.
    String certainty = item instanceof Service sv && sv.sector() == fi.viranomaisbotti.knowledge.Sector.THIRD_SECTOR
        ? "possible" : certainty(c);
    return new Item.Concluded(c.getId(), item.name().fi(), explanations.why(c, shared), certainty,
        List.copyOf(c.getDependsOn()), reasons(c), item.meta().source(), status(item.meta()), counterfactual);
  }
}
