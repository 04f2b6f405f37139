package fi.viranomaisbotti.engine;

import static fi.viranomaisbotti.engine.KnowledgeRuntime.ANALYSER;
import static fi.viranomaisbotti.engine.KnowledgeRuntime.ANSWER_INDEX;
import static fi.viranomaisbotti.engine.KnowledgeRuntime.EVENT_CLASSIFIER;
import static fi.viranomaisbotti.engine.KnowledgeRuntime.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.KnowledgeRuntime.Origin;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.RuleFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish builds only what its change touched and shares the rest with the live runtime; a
 * shared part stays open while any runtime using it does, and closes with the last of them.
 */
class PublishSharesUnchangedPartsIT {
  private static final KnowledgeSnapshot SNAPSHOT = NavigatorFixture.SNAPSHOT;
  private static final String STORY =
      "Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan, jossa on sikala ja ravintola.";

  @Test
  void anAnswersOnlyChangeRebuildsTheIndexAndSharesTheRulesTheAnalyserAndTheClassifier() {
    try (Navigator navigator = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY)) {
      KnowledgeRuntime before = navigator.liveRuntime();
      Recommendation expected = navigator.recommend(STORY, Map.of());

      navigator.publish(Snapshots.withExtraAnswer(SNAPSHOT));

      KnowledgeRuntime after = navigator.liveRuntime();
      assertThat(after.origins).containsEntry(RULES, Origin.REUSED).containsEntry(ANALYSER, Origin.REUSED)
          .containsEntry(EVENT_CLASSIFIER, Origin.REUSED).containsEntry(ANSWER_INDEX, Origin.BUILT);
      assertThat(after.rules).isSameAs(before.rules);
      assertThat(after.intents).isSameAs(before.intents);
      assertThat(after.answers).isNotSameAs(before.answers);
      // The retired runtime closed (no call held it) without closing what the live one shares.
      assertThat(before.isClosed()).isTrue();
      assertThat(before.rulesClosed()).isFalse();
      assertThat(navigator.searchAnswers("ponivaellus", Audience.CITIZEN, 5)).extracting(AnswerHit::id).contains("testi-ponivaellus");
      assertThat(navigator.recommend(STORY, Map.of()).obligations()).isEqualTo(expected.obligations()).isNotEmpty();
    }
  }

  @Test
  void aRulesChangeCompilesTheRulesAndSharesTheIndexAndTheClassifier() {
    try (Navigator navigator = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY)) {
      KnowledgeRuntime before = navigator.liveRuntime();
      Recommendation expected = navigator.recommend(STORY, Map.of());

      navigator.publish(Snapshots.withCommentedRule(SNAPSHOT));

      KnowledgeRuntime after = navigator.liveRuntime();
      assertThat(after.origins).containsEntry(RULES, Origin.BUILT).containsEntry(ANALYSER, Origin.REUSED)
          .containsEntry(EVENT_CLASSIFIER, Origin.REUSED).containsEntry(ANSWER_INDEX, Origin.REUSED);
      assertThat(after.rules).isNotSameAs(before.rules);
      assertThat(after.answers).isSameAs(before.answers);
      assertThat(before.rulesClosed()).as("the old rules, used by no runtime now").isTrue();
      assertThat(navigator.recommend(STORY, Map.of()).obligations()).isEqualTo(expected.obligations());
    }
  }

  @Test
  void aVocabularyChangeBuildsTheAnalyserTheIndexAndTheClassifierAndSharesTheRules() {
    try (Navigator navigator = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY)) {
      navigator.publish(Snapshots.withExtraColloquialWord(SNAPSHOT));

      assertThat(navigator.liveRuntime().origins).containsEntry(RULES, Origin.REUSED).containsEntry(ANALYSER, Origin.BUILT)
          .containsEntry(EVENT_CLASSIFIER, Origin.BUILT).containsEntry(ANSWER_INDEX, Origin.BUILT);
    }
  }

  @Test
  void aSharedPartStaysOpenWhileACallHoldsAnOldRuntimeAndClosesWithTheLastUser() {
    Navigator navigator = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY);
    KnowledgeRuntime first = navigator.liveRuntime();
    assertThat(first.tryAcquire()).as("a call in flight on the first version").isTrue();

    navigator.publish(Snapshots.withExtraAnswer(SNAPSHOT));
    KnowledgeRuntime second = navigator.liveRuntime();
    navigator.publish(Snapshots.withCommentedRule(SNAPSHOT));
    KnowledgeRuntime third = navigator.liveRuntime();

    // The first runtime is retired but held; the second is retired and free: it closed, and the
    // rules it shared with the first did not, as the first still uses them.
    assertThat(first.isClosed()).isFalse();
    assertThat(second.isClosed()).isTrue();
    assertThat(first.rulesClosed()).isFalse();
    assertThat(first.rules.evaluate(List.of())).isNotNull();

    first.release();
    assertThat(first.isClosed()).isTrue();
    assertThat(first.rulesClosed()).as("the rules of the first two versions, now used by none").isTrue();
    assertThat(third.rulesClosed()).isFalse();

    navigator.close();
    assertThat(third.partsClosed()).isTrue();
  }

  @Test
  void aPublishWhoseRulesDoNotCompileLeavesTheLiveRuntimeAndItsSharedPartsServing(@TempDir Path cache) {
    try (Navigator navigator = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache)) {
      KnowledgeRuntime live = navigator.liveRuntime();
      List<RuleFile> rules = new ArrayList<>(SNAPSHOT.rules());
      rules.add(new RuleFile("rules/rikki.drl", "package rules;\nrule \"rikki\" when then eiole( end\n"));
      KnowledgeSnapshot broken = new KnowledgeSnapshot("rikki", "rikki", SNAPSHOT.loadedAt(), SNAPSHOT.actors(),
          SNAPSHOT.obligations(), SNAPSHOT.services(), SNAPSHOT.events(), SNAPSHOT.answers(), SNAPSHOT.concepts(),
          SNAPSHOT.questions(), rules, SNAPSHOT.ruleExamples(), SNAPSHOT.situations(), SNAPSHOT.examples(), SNAPSHOT.judgments(),
          SNAPSHOT.municipalities(), SNAPSHOT.ptvCodes(), SNAPSHOT.warnings());

      assertThatThrownBy(() -> navigator.publish(broken)).isInstanceOf(RuleBaseException.class);

      assertThat(navigator.liveRuntime()).isSameAs(live);
      assertThat(live.isClosed()).isFalse();
      assertThat(live.partsClosed()).isFalse();
      assertThat(navigator.searchAnswers("anniskeluluvan hakeminen", Audience.CITIZEN, 3)).isNotEmpty();
      assertThat(navigator.recommend(STORY, Map.of()).obligations()).isNotEmpty();
    }
  }
}
