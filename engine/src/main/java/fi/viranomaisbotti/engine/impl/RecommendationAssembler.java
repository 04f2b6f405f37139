package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.Explained;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.Recommendation.ActorItem;
import fi.viranomaisbotti.engine.Recommendation.EventItem;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.ObligationItem;
import fi.viranomaisbotti.engine.Recommendation.ServiceItem;
import fi.viranomaisbotti.engine.Recommendation.Understood;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.knowledge.Actor;
import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.LifeEvent;
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
 * Assembles a {@link Recommendation} from the rules' conclusions: resolves each id against the
 * snapshot into a typed item, orders the items, gathers the actors, and adds the plan, the
 * questions and the notices. Reads only the snapshot; thread-safe.
 */
final class RecommendationAssembler {
  private final KnowledgeSnapshot knowledge;
  private final Explanations explanations;
  private final QuestionRanker questions;

  RecommendationAssembler(KnowledgeSnapshot knowledge, Explanations explanations) {
    this.knowledge = knowledge;
    this.explanations = explanations;
    this.questions = new QuestionRanker(knowledge::questionFor);
  }

  /** See {@link Recommender#recommend}. */
  Recommendation assemble(
      AnalysedText text,
      List<Signal> signals,
      List<Quantity> quantities,
      Collection<Conclusion> conclusions,
      List<AnswerHit> answers,
      Optional<Municipality> municipality,
      boolean municipalityAnswered,
      Map<String, String> counterfactuals,
      List<EventSignal> eventSignals) {
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
    List<EventItem> events = new ArrayList<>();
    List<ObligationItem> obligations = new ArrayList<>();
    List<ServiceItem> services = new ArrayList<>();
    Map<String, Set<String>> actorFor = new LinkedHashMap<>();
    Map<String, Phase> phases = new HashMap<>();
    Map<String, List<String>> prerequisites = new HashMap<>();
    Map<String, String> deadlines = new HashMap<>();
    for (Conclusion c : conclusions) {
      switch (c.getKind()) {
        case "event" -> {
          LifeEvent e = knowledge.events().get(c.getId());
          if (e == null) {
            notices.add(Explanations.unknownItem(c));
          } else {
            events.add(new EventItem(c.getId(), e.name().fi(), explanations.why(c, shared), certainty(c),
                List.copyOf(c.getDependsOn()), reasons(c), e.meta().source(), status(e.meta()),
                counterfactuals.get(c.getId())));
          }
        }
        case "obligation" -> {
          Obligation o = knowledge.obligations().get(c.getId());
          if (o == null) {
            notices.add(Explanations.unknownItem(c));
            continue;
          }
          Actor a = knowledge.current(o.actor());
          obligations.add(new ObligationItem(c.getId(), o.name().fi(), explanations.why(c, shared), certainty(c),
              List.copyOf(c.getDependsOn()), reasons(c), o.kind().name().toLowerCase(Locale.ROOT), a.id(),
              actorName(a, place), o.legalBasis(), o.leadTime(), o.conditions(), o.eService(), o.meta().source(),
              status(o.meta()), counterfactuals.get(c.getId())));
          actorFor.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(o.name().fi());
          phases.put(o.id(), o.phase());
          prerequisites.put(o.id(), o.prerequisites());
          if (o.deadline() != null) {
            deadlines.put(o.id(), o.deadline());
          }
        }
        case "service" -> {
          Service s = knowledge.services().get(c.getId());
          if (s == null) {
            notices.add(Explanations.unknownItem(c));
            continue;
          }
          Actor a = knowledge.current(s.provider());
          services.add(new ServiceItem(c.getId(), s.name().fi(), explanations.why(c, shared), certainty(c),
              List.copyOf(c.getDependsOn()), reasons(c), s.sector().name().toLowerCase(Locale.ROOT), a.id(),
              actorName(a, place), s.url(), s.meta().source(), status(s.meta()), counterfactuals.get(c.getId())));
          actorFor.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(s.name().fi());
          phases.put(s.id(), s.phase() == null ? Phase.FOUNDING : s.phase());
          prerequisites.put(s.id(), s.prerequisites());
        }
        default -> notices.add(Explanations.unknownKind(c));
      }
    }
    Comparator<Item> order =
        Comparator.comparing((Item i) -> !"needed".equals(i.certainty()))
            .thenComparing(i -> phases.getOrDefault(i.id(), Phase.FOUNDING))
            .thenComparing(Item::name);
    events.sort(Comparator.comparing((Item i) -> !"needed".equals(i.certainty())).thenComparing(Item::name));
    obligations.sort(order);
    services.sort(order);
    List<ActorItem> actors = actors(actorFor, place);
    boolean drafts = obligations.stream().anyMatch(i -> "draft".equals(i.status()))
        || services.stream().anyMatch(i -> "draft".equals(i.status()));
    if (drafts) {
      notices.add(Explanations.DRAFT_NOTICE);
    }
    if (events.isEmpty()) {
      notices.add("sv".equals(text.language()) || "en".equals(text.language())
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
        text.language(),
        knowledge.version(),
        facts,
        factSources(signals, quantities),
        place(place, municipalityAnswered),
        understood(text),
        eventSignals,
        List.copyOf(events),
        List.copyOf(obligations),
        List.copyOf(actors),
        List.copyOf(services),
        questions.rank(uncertain, facts, measured),
        plan.steps(),
        answers,
        notices);
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

  private List<Understood> understood(AnalysedText text) {
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

  private List<ActorItem> actors(Map<String, Set<String>> actorFor, Municipality place) {
    List<ActorItem> out = new ArrayList<>();
    actorFor.forEach(
        (id, items) -> {
          Actor a = knowledge.actors().get(id);
          out.add(new ActorItem(a.id(), actorName(a, place), Explanations.actorWhy(items),
              a.type().name().toLowerCase(Locale.ROOT), a.url(), a.meta().source(), status(a.meta())));
        });
    out.sort(Comparator.comparing(ActorItem::name));
    return out;
  }
}
