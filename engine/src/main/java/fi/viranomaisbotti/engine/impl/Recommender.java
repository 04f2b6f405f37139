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
 * Turns the rules' conclusions over the known facts into a {@link Recommendation} (assembled by {@link RecommendationAssembler}, worded by {@link
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

  public Recommendation recommend(
      AnalysedText text,
      List<Signal> signals,
      List<Quantity> quantities,
      Collection<Conclusion> conclusions,
      List<AnswerHit> answers,
      Optional<Municipality> municipality,
      boolean municipalityAnswered,
      Map<String, String> counterfactuals,
      List<fi.viranomaisbotti.nlp.EventSignal> eventSignals) {
    return assembler.assemble(
        text, signals, quantities, conclusions, answers, municipality, municipalityAnswered, counterfactuals, eventSignals);
  }

  /** The counterfactual sentence for an item that negating {@code concept} would remove. */
  public String unlessSentence(String concept) {
    return explanations.unlessSentence(concept);
  }
}
