package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.LeanRecommendation.LeanItem;
import fi.viranomaisbotti.engine.LeanRecommendation.View;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.knowledge.Situation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lean shape keeps everything the chat page shows: over every regression situation, each
 * plan step and each item of the full shape can be rebuilt from the lean one.
 */
class LeanRecommendationIT {
  private final Navigator navigator = NavigatorFixture.NAVIGATOR;

  @Test
  void everyPlanStepOfEverySituationCanBeRebuiltFromTheLeanShape() {
    int possible = 0;
    for (Situation s : NavigatorFixture.SNAPSHOT.situations()) {
      Recommendation full = navigator.recommend(s.text(), s.facts());
      LeanRecommendation lean = LeanRecommendation.of(full, View.COMPACT);
      assertThat(lean.plan()).extracting(LeanRecommendation.Step::id).as(s.id())
          .containsExactlyElementsOf(full.plan().stream().map(PlanStep::id).toList());
      for (int k = 0; k < full.plan().size(); k++) {
        PlanStep step = full.plan().get(k);
        LeanRecommendation.Step leanStep = lean.plan().get(k);
        Map<String, LeanItem> kind = step.type().equals(Item.OBLIGATION) ? lean.obligations() : lean.services();
        LeanItem item = kind.get(step.id());
        assertThat(item).as("%s: step %s", s.id(), step.id()).isNotNull();
        assertThat(item.name()).isEqualTo(step.name());
        assertThat(fullWhy(item, lean)).as("%s: why of %s", s.id(), step.id()).isEqualTo(step.why());
        assertThat(item.certainty()).isEqualTo(step.certainty());
        assertThat(item.leadTime()).isEqualTo(step.leadTime());
        assertThat(lean.actors().get(item.actor()).name()).isEqualTo(step.actorName());
        assertThat(leanStep.stage()).isEqualTo(step.stage());
        assertThat(leanStep.after() == null ? List.of() : leanStep.after()).isEqualTo(step.after());
        assertThat(leanStep.deadline()).isEqualTo(step.deadline());
        assertThat(Boolean.TRUE.equals(leanStep.cycle())).isEqualTo(step.cycle());
        assertThat(Boolean.TRUE.equals(leanStep.critical())).isEqualTo(step.critical());
        if ("possible".equals(step.certainty())) {
          possible++;
        }
      }
      for (Item i : Regression.items(full)) {
        LeanItem item = kindOf(lean, i.type()).get(i.id());
        assertThat(item).as("%s: item %s", s.id(), i.id()).isNotNull();
        if (!i.type().equals(Item.ACTOR)) {
          assertThat(fullWhy(item, lean)).isEqualTo(i.why());
          assertThat(item.status()).isEqualTo(i.status());
          assertThat(item.counterfactual()).isEqualTo(i.counterfactual());
          assertThat(item.dependsOn() == null ? List.of() : item.dependsOn()).isEqualTo(i.dependsOn());
        }
      }
      assertThat(lean.questions()).isEqualTo(full.questions());
      assertThat(lean.notices()).isEqualTo(full.notices());
    }
    assertThat(possible).as("possible steps, whose why ends with questions").isGreaterThan(20);
  }

  @Test
  void theSummaryNamesEveryItemWithoutExplaining() {
    Recommendation full = navigator.recommend(NavigatorIT.LIISA, Map.of());
    LeanRecommendation summary = LeanRecommendation.of(full, View.SUMMARY);
    assertThat(summary.obligations().keySet()).containsExactlyElementsOf(full.obligations().stream().map(Item::id).toList());
    assertThat(summary.obligations().values()).allSatisfy(i -> {
      assertThat(i.name()).isNotBlank();
      assertThat(i.why()).isNull();
    });
    assertThat(summary.answers()).isNull();
    assertThat(summary.conceptQuestions()).isNull();
  }

  @Test
  void anUnknownViewIsRefusedWithTheViewsThereAre() {
    assertThat(View.of(null)).isEqualTo(View.COMPACT);
    assertThat(View.of(" Summary ")).isEqualTo(View.SUMMARY);
    assertThatThrownBy(() -> View.of("täysi")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("'compact', 'summary' or 'page'").hasMessageContaining("täysi");
  }

  private static Map<String, LeanItem> kindOf(LeanRecommendation r, String type) {
    return switch (type) {
      case Item.EVENT -> r.lifeEvents();
      case Item.OBLIGATION -> r.obligations();
      case Item.SERVICE -> r.services();
      default -> r.actors();
    };
  }

  /** The why as the full shape words it, rebuilt the way a client would. */
  private static String fullWhy(LeanItem item, LeanRecommendation r) {
    if (item.dependsOn() == null || item.why().contains(Item.ONLY_IF)) {
      return item.why();
    }
    return item.why() + Item.ONLY_IF
        + item.dependsOn().stream().map(c -> r.conceptQuestions().get(c)).collect(Collectors.joining(Item.OR));
  }
}
