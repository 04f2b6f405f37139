package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.Explained;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.Recommendation.ClarifyingQuestion;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.engine.Recommendation.Understood;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Provenance;
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
import fi.viranomaisbotti.knowledge.Question;
import fi.viranomaisbotti.knowledge.Service;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.ConceptMention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns an analysed text and known facts into rule signals, and the rules' conclusions into a
 * {@link Recommendation} with reasons, questions and a plan. Stateless apart from the snapshot it
 * reads; thread-safe.
 */
public final class Recommender {
  /** Questions asked at most per turn. */
  public static final int MAX_QUESTIONS = 3;

  private static final String DRAFT_NOTICE =
      "Osa kohdista on luonnoksia: niiden yksityiskohtia (esimerkiksi kynnysarvoja, maksuja tai määräaikoja) ei ole vielä"
          + " tarkistettu. Tarkista ne lähteestä ennen kuin luotat niihin.";

  private static final String NOTHING_FOUND_NOTICE =
      "En tunnistanut tekstistä yritys- tai elämäntapahtumaa, johon osaisin koota luvat ja palvelut. Kerro, mitä"
          + " aiot tehdä (esimerkiksi avata kahvilan, perustaa maatilan tai palkata työntekijän), missä kunnassa ja"
          + " aiotko palkata työntekijöitä.";

  private static final String OTHER_LANGUAGE_NOTICE =
      "Ymmärrän toistaiseksi vain suomea. Jag förstår ännu bara finska; skriv gärna på finska."
          + " I only understand Finnish so far; please write in Finnish.";

  private static final String ALAND_NOTICE =
      "Ahvenanmaalla on oma lainsäädäntö ja omat viranomaiset monissa näistä asioista. Tarkista luvat"
          + " Ahvenanmaan maakunnan hallitukselta; tämä suunnitelma kuvaa Manner-Suomen menettelyt.";

  private final KnowledgeSnapshot knowledge;

  public Recommender(KnowledgeSnapshot knowledge) {
    this.knowledge = knowledge;
  }

  /**
   * Signals for the rules: stated concepts, with answered facts replacing what the text said.
   * Denying a word said before corrects the whole concept ("Aion palkata työntekijän… Itse
   * asiassa en palkkaakaan ketään."); denying a different word of the concept does not ("Aloitan
   * remonttifirman. En käytä aliurakoitsijoita" keeps the contracting business).
   */
  public List<Signal> signals(AnalysedText text, Map<String, Boolean> answered) {
    // concept → matched word → [negated, evidence…], the latest mention of each word winning
    Map<String, Map<String, List<String>>> byWord = new LinkedHashMap<>();
    Map<String, Map<String, Boolean>> negatedWord = new LinkedHashMap<>();
    for (ConceptMention m : text.concepts()) {
      if (answered.containsKey(m.concept())) {
        continue;
      }
      Boolean negated = switch (m.modality()) {
        // "Jos palkkaan…" and "en vielä…" settle nothing: the rules treat the concept as unknown
        // and the customer is asked.
        case CONDITIONAL -> null;
        case NEGATED -> m.deferred() ? null : Boolean.TRUE;
        // A question ("tarvitsenko anniskeluluvan?") shows the customer is considering it.
        case STATEMENT, QUESTION -> Boolean.FALSE;
      };
      if (negated == null) {
        continue;
      }
      Map<String, Boolean> words = negatedWord.computeIfAbsent(m.concept(), k -> new LinkedHashMap<>());
      Map<String, List<String>> ev = byWord.computeIfAbsent(m.concept(), k -> new LinkedHashMap<>());
      if (negated && Boolean.FALSE.equals(words.get(m.matchedTerm()))) {
        // Denying a word said before is a correction of the whole concept.
        words.clear();
        ev.clear();
      }
      if (!negated.equals(words.get(m.matchedTerm()))) {
        ev.put(m.matchedTerm(), new ArrayList<>());
      }
      words.put(m.matchedTerm(), negated);
      ev.get(m.matchedTerm()).add(m.evidence());
    }
    List<Signal> out = new ArrayList<>();
    negatedWord.forEach((concept, words) -> {
      boolean negated = !words.containsValue(Boolean.FALSE);
      List<String> evidence = new ArrayList<>();
      words.forEach((word, n) -> {
        if (n == negated) {
          evidence.addAll(byWord.get(concept).get(word));
        }
      });
      out.add(new Signal(concept, negated, distinct(evidence), Provenance.STATED));
    });
    answered.forEach(
        (c, yes) -> out.add(new Signal(c, !yes, List.of(yes ? "vastasit kyllä" : "vastasit ei"), Provenance.ANSWERED)));
    return out;
  }

  /**
   * Quantities for the rules: numbers with a unit in the text ("noin 2000 ihmistä") for the
   * concept that is counted in that unit, unless the customer answered that concept directly.
   */
  public List<Quantity> quantities(AnalysedText text, List<Quantity> answered) {
    List<Quantity> out = new ArrayList<>(answered);
    Set<String> given = new java.util.HashSet<>();
    answered.forEach(q -> given.add(q.getConcept()));
    for (fi.viranomaisbotti.nlp.Entity e : text.entities()) {
      if (!e.type().equals(fi.viranomaisbotti.nlp.Entity.QUANTITY) || e.attribute("unit") == null) {
        continue;
      }
      String unit = e.attribute("unit").toLowerCase(Locale.ROOT);
      for (Concept c : knowledge.concepts().values()) {
        if (c.units().contains(unit) && given.add(c.id())) {
          try {
            out.add(new Quantity(c.id(), Double.parseDouble(e.value()), List.of(e.text()), Provenance.STATED));
          } catch (NumberFormatException notANumber) {
            given.remove(c.id());
          }
        }
      }
    }
    return out;
  }

  private static List<String> distinct(List<String> words) {
    return List.copyOf(new LinkedHashSet<>(words));
  }

  public Recommendation recommend(
      AnalysedText text,
      List<Signal> signals,
      List<Quantity> quantities,
      Collection<Conclusion> conclusions,
      List<AnswerHit> answers,
      Optional<Municipality> municipality,
      Map<String, String> counterfactuals,
      List<fi.viranomaisbotti.nlp.EventSignal> eventSignals) {
    List<String> notices = new ArrayList<>();
    Set<String> shared = sharedRules(conclusions);
    Municipality place = municipality.orElse(null);
    if (place != null && place.isAland()) {
      notices.add(ALAND_NOTICE);
    }
    Map<String, Boolean> facts = new TreeMap<>();
    for (Signal s : signals) {
      facts.merge(s.getConcept(), !s.isNegated(), (a, b) -> a || b);
    }
    Set<String> measured = new java.util.HashSet<>();
    quantities.forEach(q -> measured.add(q.getConcept()));
    List<Item> events = new ArrayList<>();
    List<Item> obligations = new ArrayList<>();
    List<Item> services = new ArrayList<>();
    Map<String, Set<String>> actorFor = new LinkedHashMap<>();
    Map<String, Phase> phases = new HashMap<>();
    Map<String, List<String>> prerequisites = new HashMap<>();
    Map<String, String> deadlines = new HashMap<>();
    for (Conclusion c : conclusions) {
      switch (c.getKind()) {
        case "event" -> {
          LifeEvent e = knowledge.events().get(c.getId());
          if (e == null) {
            notices.add(unknown(c));
          } else {
            events.add(item(shared, c, "event", e.name().fi(), e.meta(), null, null, null, null, null, null, null,
                counterfactuals.get(c.getId())));
          }
        }
        case "obligation" -> {
          Obligation o = knowledge.obligations().get(c.getId());
          if (o == null) {
            notices.add(unknown(c));
            continue;
          }
          Actor a = knowledge.current(o.actor());
          obligations.add(
              item(shared, c, "obligation", o.name().fi(), o.meta(), o.kind().name().toLowerCase(Locale.ROOT), a, place,
                  o.legalBasis(), o.leadTime(), o.conditions(), o.eService(), counterfactuals.get(c.getId())));
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
            notices.add(unknown(c));
            continue;
          }
          Actor a = knowledge.current(s.provider());
          services.add(item(shared, c, "service", s.name().fi(), s.meta(), s.sector().name().toLowerCase(Locale.ROOT), a, place,
              null, null, null, s.url(), counterfactuals.get(c.getId())));
          actorFor.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(s.name().fi());
          phases.put(s.id(), s.phase() == null ? Phase.FOUNDING : s.phase());
          prerequisites.put(s.id(), s.prerequisites());
        }
        default -> notices.add("Sääntö tuotti tuntemattoman tyypin '" + c.getKind() + "' kohteelle " + c.getId() + ".");
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
      notices.add(DRAFT_NOTICE);
    }
    if (events.isEmpty()) {
      notices.add("sv".equals(text.language()) || "en".equals(text.language()) ? OTHER_LANGUAGE_NOTICE : NOTHING_FOUND_NOTICE);
    }
    PlanBuilder.Plan plan = PlanBuilder.plan(obligations, services, phases, prerequisites, deadlines);
    for (List<String> loop : plan.cycles()) {
      notices.add(dealBreaker(loop));
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
        place(place, municipality.isPresent() && text.entities().stream().noneMatch(e -> e.value().equals(place.code()))),
        understood(text),
        eventSignals,
        events,
        obligations,
        actors,
        services,
        questions(uncertain, facts, measured),
        plan.steps(),
        answers,
        notices);
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

  private static String unknown(Conclusion c) {
    return "Sääntö " + c.getReasons().get(0).rule() + " viittaa kohteeseen '" + c.getId()
        + "', jota ei ole tietosisällössä; kohde jätettiin pois.";
  }

  private Item item(
      Set<String> shared,
      Conclusion c, String type, String name, Meta meta, String kind, Actor actor, Municipality place,
      String legalBasis, String leadTime, String conditions, String url, String counterfactual) {
    boolean needed = c.isNeeded();
    List<Explained> reasons =
        c.getReasons().stream().map(r -> new Explained(r.rule(), r.statement(), r.evidence())).toList();
    return new Item(
        c.getId(),
        type,
        name,
        why(c, needed, shared),
        needed ? "needed" : "possible",
        List.copyOf(c.getDependsOn()),
        reasons,
        kind,
        actor == null ? null : actor.id(),
        actor == null ? null : place == null ? actor.name().fi() : actor.unitFor(place),
        legalBasis,
        leadTime,
        conditions,
        url,
        meta.source(),
        meta.status().name().toLowerCase(Locale.ROOT),
        counterfactual);
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

  private String dealBreaker(List<String> loop) {
    String names = loop.stream().map(id -> knowledge.item(id).map(i -> i.name().fi()).orElse(id))
        .collect(Collectors.joining(" ↔ "));
    return "Umpikuja: " + names + " odottavat toisiaan. Vie asiat vireille rinnakkain, kerro kummallekin"
        + " viranomaiselle toisesta hakemuksesta ja pyydä ehdollista päätöstä tai ennakkoneuvottelua.";
  }

  /** The counterfactual sentence for an item that negating {@code concept} would remove. */
  public String unlessSentence(String concept) {
    Concept c = knowledge.concepts().get(concept);
    return "Ei tarvita, jos " + (c == null ? concept : c.name().fi()) + " ei koske tilannettasi.";
  }

  private String why(Conclusion c, boolean needed, Set<String> sharedRules) {
    String statement = c.getReasons().get(0).statement();
    if (sharedRules.contains(c.getReasons().get(0).rule())) {
      // The rule concludes several items and its statement speaks of all of them: say what this
      // item is, in its own words.
      String own = description(c.getId());
      if (own != null) {
        statement = own;
      }
    }
    List<String> evidence = c.evidence();
    StringBuilder sb = new StringBuilder(statement);
    if (!evidence.isEmpty()) {
      sb.append(" Kerroit: ")
          .append(evidence.stream().limit(4).map(e -> "”" + e + "”").collect(Collectors.joining(", ")))
          .append('.');
    }
    if (!needed) {
      sb.append(" Tarpeen vain, jos: ")
          .append(c.getDependsOn().stream().map(this::conceptQuestion).collect(Collectors.joining(" / ")));
    }
    return sb.toString();
  }

  /** Rules that concluded more than one item in this evaluation. */
  private static Set<String> sharedRules(Collection<Conclusion> conclusions) {
    Map<String, Integer> count = new HashMap<>();
    conclusions.forEach(c -> c.getReasons().forEach(r -> count.merge(r.rule(), 1, Integer::sum)));
    Set<String> out = new java.util.HashSet<>();
    count.forEach((rule, n) -> {
      if (n > 1) {
        out.add(rule);
      }
    });
    return out;
  }

  /** The first sentence of an obligation's or service's description, or null. */
  private String description(String id) {
    String d = knowledge.obligations().containsKey(id) ? knowledge.obligations().get(id).description()
        : knowledge.services().containsKey(id) ? knowledge.services().get(id).description()
        : null;
    if (d == null || d.isBlank()) {
      return null;
    }
    String t = d.strip();
    int end = t.indexOf(". ");
    return end > 0 ? t.substring(0, end + 1) : t;
  }

  private String conceptQuestion(String concept) {
    return knowledge.questionFor(concept).map(q -> q.name().fi())
        .orElseGet(() -> knowledge.concepts().containsKey(concept) ? knowledge.concepts().get(concept).name().fi() : concept);
  }

  private static Recommendation.Place place(Municipality m, boolean answered) {
    if (m == null) {
      return null;
    }
    return new Recommendation.Place(
        m.code(), m.name().fi(), m.region(), m.vitalityCentre(), m.employmentArea(), m.wellbeingCounty(),
        answered ? "answered" : "stated");
  }

  private List<Item> actors(Map<String, Set<String>> actorFor, Municipality place) {
    List<Item> out = new ArrayList<>();
    actorFor.forEach(
        (id, items) -> {
          Actor a = knowledge.actors().get(id);
          out.add(
              new Item(a.id(), "actor", place == null ? a.name().fi() : a.unitFor(place), "Asiasi tällä toimijalla: " + String.join(", ", items) + ".",
                  "needed", List.of(), List.of(), a.type().name().toLowerCase(Locale.ROOT), null, null, null, null,
                  null, a.url(), a.meta().source(), a.meta().status().name().toLowerCase(Locale.ROOT), null));
        });
    out.sort(Comparator.comparing(Item::name));
    return out;
  }

  private List<ClarifyingQuestion> questions(List<Item> items, Map<String, Boolean> known, Set<String> measured) {
    Map<String, List<String>> settles = new LinkedHashMap<>();
    for (Item i : items) {
      for (String concept : i.dependsOn()) {
        if (!known.containsKey(concept) && !measured.contains(concept)) {
          settles.computeIfAbsent(concept, k -> new ArrayList<>()).add(i.id());
        }
      }
    }
    List<ClarifyingQuestion> out = new ArrayList<>();
    settles.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
        .forEach(
            e -> {
              Question q = knowledge.questionFor(e.getKey()).orElse(null);
              if (q != null && out.size() < MAX_QUESTIONS) {
                out.add(new ClarifyingQuestion(
                    q.id(), q.name().fi(), e.getValue().size() == 1
                        ? "Vastaus ratkaisee yhden epävarman kohdan."
                        : "Vastaus ratkaisee " + e.getValue().size() + " epävarmaa kohtaa.",
                    q.concept(), q.type().name(), q.choices(), e.getValue()));
              }
            });
    return out;
  }
}
