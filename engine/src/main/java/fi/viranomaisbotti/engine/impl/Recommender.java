package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.ConceptMention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an analysed text and known facts into rule signals, and the rules' conclusions into a
 * {@link Recommendation} (assembled by {@link RecommendationAssembler}, worded by {@link
 * Explanations}). Stateless apart from the snapshot it reads; thread-safe.
 */
public final class Recommender {
  private final KnowledgeSnapshot knowledge;
  private final Explanations explanations;
  private final RecommendationAssembler assembler;

  public Recommender(KnowledgeSnapshot knowledge) {
    this.knowledge = knowledge;
    this.explanations = new Explanations(knowledge);
    this.assembler = new RecommendationAssembler(knowledge, explanations);
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
    return assembler.assemble(
        text, signals, quantities, conclusions, answers, municipality, counterfactuals, eventSignals);
  }

  /** The counterfactual sentence for an item that negating {@code concept} would remove. */
  public String unlessSentence(String concept) {
    return explanations.unlessSentence(concept);
  }
}
