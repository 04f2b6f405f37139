package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.Recommendation.ClarifyingQuestion;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.knowledge.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the clarifying questions: those whose concept settles the most uncertain items first,
 * then by concept id, at most {@link #MAX_QUESTIONS}. Thread-safe if {@code questionFor} is.
 */
final class QuestionRanker {
  /** Questions asked at most per turn. */
  static final int MAX_QUESTIONS = 3;

  private final Function<String, Optional<Question>> questionFor;

  /** @param questionFor the question that asks about a concept, if the knowledge has one */
  QuestionRanker(Function<String, Optional<Question>> questionFor) {
    this.questionFor = questionFor;
  }

  /**
   * The questions for the concepts the items depend on, leaving out concepts already known or
   * measured and concepts no question asks about. A question that asks for a number is answered
   * only by an amount: "liikevaihto on iso" says turnover exists, not whether it is above a limit.
   */
  List<ClarifyingQuestion> rank(List<? extends Item> items, Map<String, Boolean> known, Set<String> measured) {
    Map<String, List<String>> settles = new LinkedHashMap<>();
    for (Item i : items) {
      for (String concept : i.dependsOn()) {
        boolean answered = measured.contains(concept)
            || known.containsKey(concept) && !questionFor.apply(concept).map(Question::takesNumber).orElse(false);
        if (!answered) {
          settles.computeIfAbsent(concept, k -> new ArrayList<>()).add(i.id());
        }
      }
    }
    List<ClarifyingQuestion> out = new ArrayList<>();
    settles.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
        .forEach(
            e -> {
              Question q = questionFor.apply(e.getKey()).orElse(null);
              if (q != null && out.size() < MAX_QUESTIONS) {
                out.add(new ClarifyingQuestion(
                    q.id(), q.name().fi(), Explanations.settles(e.getValue().size()),
                    q.concept(), q.type().name(), q.choices(), e.getValue()));
              }
            });
    return out;
  }
}
