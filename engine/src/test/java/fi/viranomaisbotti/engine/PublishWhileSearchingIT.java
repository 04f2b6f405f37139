package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.LocalizedText;
import fi.viranomaisbotti.knowledge.Meta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A knowledge publish rebuilds the answer index beside the live one: searches never stop or fail. */
class PublishWhileSearchingIT {
  private static KnowledgeSnapshot withExtraAnswer(KnowledgeSnapshot k) {
    Map<String, Answer> answers = new LinkedHashMap<>(k.answers());
    answers.put("testi-ponivaellus", new Answer("testi-ponivaellus", LocalizedText.fi("Ponivaellusyrityksen aloittaminen"),
        List.of("Miten aloitan ponivaellukset?", "Tarvitseeko ponivaellus luvan?", "Ponivaellusyritys"),
        "Ponivaellusten järjestäjä tarvitsee testivastauksen.", null, List.of("ponivaellus"), List.of(), null,
        new Meta("test", "test", LocalDate.of(2026, 1, 1), null)));
    return new KnowledgeSnapshot("test-extra", k.contentHash() + "-extra", k.loadedAt(), k.actors(), k.obligations(),
        k.services(), k.events(), answers, k.concepts(), k.questions(), k.rules(), k.ruleExamples(), k.situations(), k.examples(),
        k.judgments(), k.municipalities(), k.ptvCodes(), k.warnings());
  }

  @Test
  void searchesKeepAnsweringWhileTheIndexIsRebuiltAndSeeTheNewAnswerAfterwards() throws Exception {
    KnowledgeSnapshot original = NavigatorFixture.SNAPSHOT;
    try (Navigator navigator = Navigator.start(original, NavigatorFixture.MORPHOLOGY)) {
      assertThat(navigator.searchAnswers("ponivaellus", Audience.CITIZEN, 5))
          .extracting(AnswerHit::id).doesNotContain("testi-ponivaellus");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger searches = new AtomicInteger();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      List<Thread> searchers = new ArrayList<>();
      CountDownLatch running = new CountDownLatch(2);
      for (int t = 0; t < 2; t++) {
        Thread th = new Thread(() -> {
          while (!stop.get()) {
            try {
              if (navigator.searchAnswers("anniskeluluvan hakeminen", Audience.CITIZEN, 5).isEmpty()) {
                problems.add("no hits");
              }
              searches.incrementAndGet();
            } catch (Throwable e) {
              problems.add(e.toString());
            }
            running.countDown();
          }
        });
        th.start();
        searchers.add(th);
      }
      assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
      int before = searches.get();
      navigator.publish(withExtraAnswer(original));
      int during = searches.get() - before;
      assertThat(navigator.searchAnswers("ponivaellus", Audience.CITIZEN, 5))
          .extracting(AnswerHit::id).contains("testi-ponivaellus");
      navigator.publish(original);
      stop.set(true);
      for (Thread th : searchers) {
        th.join();
      }
      assertThat(problems).isEmpty();
      assertThat(during).as("searches answered while the new index was being built").isPositive();
      assertThat(navigator.searchAnswers("ponivaellus", Audience.CITIZEN, 5))
          .extracting(AnswerHit::id).doesNotContain("testi-ponivaellus");
    }
  }
}
