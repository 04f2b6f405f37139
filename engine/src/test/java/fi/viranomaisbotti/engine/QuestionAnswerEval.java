package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Situation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the chat's answers to questions fare on the corpus's own texts (figures, not assertions; see
 * docs/benchmarks.md): every question variant of every answer is sent as a chat turn, and every
 * regression situation's story too. Reported: how many variants the reading marks as questions,
 * how often the answer given is the answer the variant belongs to, and how many stories are taken
 * for questions. Run with {@code mvn -pl engine -am verify -Dtest=QuestionAnswerEval
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class QuestionAnswerEval {
  private final Navigator navigator = NavigatorFixture.NAVIGATOR;

  @Test
  void questionVariantsAndStories() {
    int variants = 0;
    int asked = 0;
    int found = 0;
    int own = 0;
    List<String> notAsked = new ArrayList<>();
    for (Answer a : navigator.knowledge().answers().values()) {
      for (String q : a.questions()) {
        variants++;
        Recommendation.QuestionAnswer qa = navigator.recommend(q, Map.of()).questionAnswer();
        if (qa == null) {
          notAsked.add(q);
          continue;
        }
        asked++;
        if (qa.found()) {
          found++;
          if (qa.answer().id().equals(a.id())) {
            own++;
          }
        }
      }
    }
    int stories = 0;
    List<String> storiesAsked = new ArrayList<>();
    for (Situation s : navigator.knowledge().situations()) {
      stories++;
      if (navigator.recommend(s.text(), Map.of()).questionAnswer() != null) {
        storiesAsked.add(s.text());
      }
    }
    System.out.printf(Locale.ROOT, "question variants: %d; read as questions: %d (%.1f %%); answered: %d; own answer first: %d (%.1f %% of"
        + " variants)%n", variants, asked, 100.0 * asked / variants, found, own, 100.0 * own / variants);
    System.out.printf(Locale.ROOT, "stories: %d; taken as asking something: %d (%.1f %%)%n", stories, storiesAsked.size(),
        100.0 * storiesAsked.size() / stories);
    notAsked.stream().limit(15).forEach(q -> System.out.println("  not read as a question: " + q));
    storiesAsked.stream().limit(10).forEach(q -> System.out.println("  story asking: " + q));
  }
}
