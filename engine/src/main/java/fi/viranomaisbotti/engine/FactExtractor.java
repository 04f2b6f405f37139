package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.ConceptMention;
import fi.viranomaisbotti.nlp.Entity;
import fi.viranomaisbotti.nlp.Modality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the facts one text states: concepts said, denied, asked about or had already, amounts with a unit ("noin 2000
 * ihmistä"), and the municipality named last. Only the text of one turn is read; what earlier
 * turns said is in the conversation's {@link FactSet}. Stateless apart from the snapshot;
 * thread-safe.
 */
final class FactExtractor {
  private final KnowledgeSnapshot knowledge;
  /** The concepts counted in each unit ("euro" → turnover, YEL earned income, monthly earnings). */
  private final Map<String, List<Concept>> countedIn = new HashMap<>();

  FactExtractor(KnowledgeSnapshot knowledge) {
    this.knowledge = knowledge;
    knowledge.concepts().values().forEach(c -> c.units().forEach(u -> countedIn.computeIfAbsent(u, k -> new ArrayList<>()).add(c)));
  }

  /** The facts the text states, for the given turn. */
  List<KnownFact> read(AnalysedText text, int turn) {
    List<KnownFact> amounts = amounts(text, turn);
    Set<String> measured = new HashSet<>();
    amounts.forEach(a -> measured.add(a.concept()));
    List<KnownFact> out = new ArrayList<>();
    // "Arvioin liikevaihdoksi 30 000 €": the amount says more than that turnover was mentioned.
    concepts(text, turn).stream()
        .filter(f -> !(measured.contains(f.concept()) && f.value() instanceof KnownFact.YesNo yn && yn.yes()))
        .forEach(out::add);
    out.addAll(amounts);
    municipality(text, turn).ifPresent(out::add);
    return out;
  }

  /**
   * Stated, denied, possible and existing concepts. Denying a word said before corrects the whole
   * concept ("Aion palkata työntekijän… Itse asiassa en palkkaakaan ketään."); denying a different
   * word of the concept does not ("Aloitan remonttifirman. En käytä aliurakoitsijoita" keeps the
   * contracting business). A concept only asked about or supposed ("tarvitsenko anniskeluluvan?",
   * "jos palkkaan…") or put off ("en vielä palkkaa") is possible, unless the text also settles it:
   * the plan then covers it as possible and asks.
   */
  private List<KnownFact> concepts(AnalysedText text, int turn) {
    // concept → matched word → evidence, and concept → matched word → negated; the latest
    // mention of each word wins
    Map<String, Map<String, List<String>>> byWord = new LinkedHashMap<>();
    Map<String, Map<String, Boolean>> negatedWord = new LinkedHashMap<>();
    Map<String, Set<String>> possible = new LinkedHashMap<>();
    Map<String, Boolean> existing = new HashMap<>();
    for (ConceptMention m : text.concepts()) {
      Boolean negated = switch (m.modality()) {
        case CONDITIONAL, QUESTION -> null;
        case NEGATED -> m.deferred() ? null : Boolean.TRUE;
        case STATEMENT -> Boolean.FALSE;
      };
      if (negated == null) {
        possible.computeIfAbsent(m.concept(), k -> new LinkedHashSet<>()).add(m.evidence());
        continue;
      }
      Map<String, Boolean> words = negatedWord.computeIfAbsent(m.concept(), k -> new LinkedHashMap<>());
      Map<String, List<String>> ev = byWord.computeIfAbsent(m.concept(), k -> new LinkedHashMap<>());
      if (negated && Boolean.FALSE.equals(words.get(m.matchedTerm()))) {
        words.clear();
        ev.clear();
      }
      if (!negated.equals(words.get(m.matchedTerm()))) {
        ev.put(m.matchedTerm(), new ArrayList<>());
      }
      words.put(m.matchedTerm(), negated);
      ev.get(m.matchedTerm()).add(m.evidence());
      // The latest mention says whether the thing is there already: "minulla on jo kahvila".
      existing.put(m.concept(), !negated && m.existing());
    }
    List<KnownFact> out = new ArrayList<>();
    negatedWord.forEach((concept, words) -> {
      boolean negated = !words.containsValue(Boolean.FALSE);
      Set<String> evidence = new LinkedHashSet<>();
      words.forEach((word, n) -> {
        if (n == negated) {
          evidence.addAll(byWord.get(concept).get(word));
        }
      });
      List<String> shared = shareable(text, evidence);
      out.add(!negated && existing.getOrDefault(concept, false)
          ? KnownFact.existing(concept, Provenance.STATED, shared, turn)
          : KnownFact.yesNo(concept, !negated, Provenance.STATED, shared, turn));
    });
    possible.forEach((concept, evidence) -> {
      if (!negatedWord.containsKey(concept)) {
        out.add(KnownFact.possible(concept, Provenance.STATED, shareable(text, evidence), turn));
      }
    });
    return out;
  }

  /**
   * Numbers with a unit, for the concept counted in that unit. A unit that several concepts are
   * counted in (euros: turnover, YEL earned income) names none of them by itself: its amount goes
   * to such a concept only when the same sentence names that concept, positively ("liikevaihdoksi
   * arvioin 30 000 €").
   */
  private List<KnownFact> amounts(AnalysedText text, int turn) {
    List<KnownFact> out = new ArrayList<>();
    Set<String> given = new HashSet<>();
    for (Entity e : text.entities()) {
      if (!e.type().equals(Entity.QUANTITY) || e.attribute("unit") == null) {
        continue;
      }
      String unit = e.attribute("unit").toLowerCase(Locale.ROOT);
      List<Concept> counted = countedIn.getOrDefault(unit, List.of());
      if (counted.size() > 1) {
        Set<String> named = new HashSet<>();
        text.concepts().stream().filter(m -> m.sentence() == e.sentence() && m.modality() != Modality.NEGATED)
            .forEach(m -> named.add(m.concept()));
        counted = counted.stream().filter(c -> named.contains(c.id())).toList();
      }
      double value;
      try {
        value = Double.parseDouble(e.value());
      } catch (NumberFormatException notANumber) {
        continue;
      }
      if (!Double.isFinite(value) || value < 0) {
        continue;
      }
      for (Concept c : counted) {
        if (given.add(c.id())) {
          out.add(KnownFact.amount(c.id(), value, Provenance.STATED, shareable(text, List.of(e.text())), turn));
        }
      }
    }
    return out;
  }

  /** The municipality named last: later sentences correct earlier ones. */
  private java.util.Optional<KnownFact> municipality(AnalysedText text, int turn) {
    Entity last = null;
    for (Entity e : text.entities()) {
      if (e.type().equals(Entity.MUNICIPALITY) && knowledge.municipalities().containsKey(e.value())) {
        last = e;
      }
    }
    if (last == null) {
      return java.util.Optional.empty();
    }
    String name = knowledge.municipalities().get(last.value()).name().fi();
    return java.util.Optional.of(KnownFact.place(last.value(), Provenance.STATED, shareable(text, List.of(last.text()), name), turn));
  }

  private static List<String> shareable(AnalysedText text, java.util.Collection<String> words) {
    return shareable(text, words, null);
  }

  /**
   * The evidence words that survive masking: a word that was part of an address or another
   * masked span is personal data and is not kept, in which case the fallback (the item's own
   * name) stands in for it.
   */
  private static List<String> shareable(AnalysedText text, java.util.Collection<String> words, String fallback) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (!w.isBlank() && text.maskedText().contains(w)) {
        out.add(w);
      }
    }
    if (out.isEmpty() && fallback != null) {
      out.add(fallback);
    }
    return List.copyOf(out);
  }
}
