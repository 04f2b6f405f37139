package fi.viranomaisbotti.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.nlp.Morphology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conversation core with real Voikko, the packaged corpus and real Drools. */
class ConversationServiceIT {
  private static Navigator navigator;
  private static Morphology morphology;

  private final InMemoryConversations repository = new InMemoryConversations();
  private final ConversationService service = new ConversationService(navigator, repository, Clock.systemUTC());

  @BeforeAll
  static void start() {
    KnowledgeSnapshot snapshot =
        new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", ConversationServiceIT.class.getClassLoader()));
    morphology = Morphology.voikko(2);
    navigator = Navigator.start(snapshot, morphology);
  }

  @AfterAll
  static void stop() {
    navigator.close();
    morphology.close();
  }

  @Test
  void aConversationLongerThanOneTextLimitKeepsAnswering() {
    String sentence = "Haluan perustaa kahvilan Tampereelle ja myydä siellä omia leivonnaisia. ";
    String long4400 = sentence.repeat(4400 / sentence.length() + 1).substring(0, 4400);
    ConversationService.Turn first = service.say(null, long4400);
    String id = first.conversationId();
    ConversationService.Turn second = service.say(id, long4400);
    ConversationService.Turn third = service.say(id, long4400);
    ConversationService.Turn fourth = service.say(id, "Aion myös palkata työntekijän.");

    assertThat(List.of(first.seq(), second.seq(), third.seq(), fourth.seq())).containsExactly(1, 2, 3, 4);
    assertThat(fourth.recommendation().lifeEvents()).isNotEmpty();
    assertThat(fourth.recommendation().facts()).containsEntry("tyontekija", true);
    assertThat(repository.turns(id)).hasSize(4);
    assertThat(service.resume(id).recommendation().facts()).containsEntry("tyontekija", true);
  }

  @Test
  void aSentenceOverrulesAnEarlierButtonAnswer() {
    String id = service.say(null, "Perustan kahvilan Tampereelle.").conversationId();
    assertThat(service.answer(id, "tyontekija", "ei").recommendation().facts()).containsEntry("tyontekija", false);

    Recommendation after = service.say(id, "Aion sittenkin palkata yhden työntekijän.").recommendation();

    assertThat(after.facts()).containsEntry("tyontekija", true);
    assertThat(service.resume(id).recommendation().facts()).containsEntry("tyontekija", true);
  }

  @Test
  void aButtonAnswerOverrulesAnEarlierSentence() {
    String id = service.say(null, "Perustan kahvilan ja palkkaan kaksi työntekijää.").conversationId();

    Recommendation after = service.answer(id, "tyontekija", false).recommendation();

    assertThat(after.facts()).containsEntry("tyontekija", false);
  }

  @Test
  void aFactWhoseOnlyEvidenceWasMaskedSurvivesResume() {
    String id = service.say(null, "Perustan kahvilan. Osoite on Kauppakatu 5, Seinäjoki.").conversationId();

    ConversationService.Resumed resumed = service.resume(id);

    assertThat(resumed.history().get(0).maskedText()).doesNotContain("Kauppakatu 5");
    assertThat(resumed.recommendation().municipality()).isNotNull();
    assertThat(resumed.recommendation().municipality().name()).isEqualTo("Seinäjoki");
    assertThat(resumed.history().get(0).facts())
        .flatExtracting(KnownFact::evidence)
        .noneMatch(e -> e.contains("Kauppakatu"));
  }

  @Test
  void textIsReadOnlyOnceSoEarlierTurnsAreNotAnalysedAgain() {
    String id = service.say(null, "Perustan kahvilan Tampereelle.").conversationId();
    service.say(id, "En myy alkoholia.");

    FactSet facts = repository.head(id).orElseThrow().facts();

    assertThat(facts.yesNo("alkoholi")).hasValueSatisfying(f -> {
      assertThat(f.value()).isEqualTo(new KnownFact.YesNo(false));
      assertThat(f.provenance()).isEqualTo(Provenance.STATED);
      assertThat(f.turn()).isEqualTo(2);
    });
    assertThat(facts.municipalityCode()).isPresent();
  }

  @Test
  void twoTabsOnOneConversationLoseNoTurns() throws Exception {
    String id = service.say(null, "Perustan kahvilan Tampereelle.").conversationId();
    ExecutorService tabs = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<ConversationService.Turn>>> sent = new ArrayList<>();
    for (String tab : List.of("A", "B")) {
      sent.add(tabs.submit(() -> {
        go.await();
        List<ConversationService.Turn> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          seen.add(service.say(id, "Välilehti " + tab + " viesti " + i + ": myyn kahvia."));
        }
        return seen;
      }));
    }
    go.countDown();
    List<ConversationService.Turn> replies = new ArrayList<>();
    for (Future<List<ConversationService.Turn>> f : sent) {
      replies.addAll(f.get(2, TimeUnit.MINUTES));
    }
    tabs.shutdown();

    List<StoredTurn> stored = repository.turns(id);
    assertThat(replies).hasSize(40);
    assertThat(stored).hasSize(41);
    assertThat(replies).extracting(ConversationService.Turn::seq).doesNotHaveDuplicates();
    for (ConversationService.Turn r : replies) {
      assertThat(stored.get(r.seq() - 1).seq()).isEqualTo(r.seq());
    }
    assertThat(stored).extracting(StoredTurn::seq).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void anotherNodeWritingFirstMakesTheTurnRetryOnTheNewState() {
    String id = service.say(null, "Perustan kahvilan Tampereelle.").conversationId();
    ConversationService other = new ConversationService(navigator, repository, Clock.systemUTC());
    AtomicBoolean once = new AtomicBoolean(true);
    repository.beforeAppend = () -> {
      if (once.getAndSet(false)) {
        other.answer(id, "alkoholi", true);
      }
    };

    ConversationService.Turn turn = service.say(id, "Palkkaan työntekijän.");

    assertThat(turn.seq()).isEqualTo(3);
    assertThat(turn.recommendation().facts()).containsEntry("alkoholi", true).containsEntry("tyontekija", true);
  }

  @Test
  void aBadAnswerStoresNothing() {
    String id = service.say(null, "Perustan kahvilan.").conversationId();

    assertThatThrownBy(() -> service.answer(id, "ei-tallaista", true)).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> service.answer(null, "tyontekija", 3)).isInstanceOf(BadInputException.class);

    assertThat(repository.turns(id)).hasSize(1);
  }

  @Test
  void anUnknownConversationIsNotFound() {
    assertThatThrownBy(() -> service.say("ei-ole", "Perustan kahvilan."))
        .isInstanceOf(ConversationNotFoundException.class)
        .hasMessageContaining("ei-ole");
    assertThatThrownBy(() -> service.resume("ei-ole")).isInstanceOf(ConversationNotFoundException.class);
  }

  @Test
  void factsOfConceptsAPublishRemovedAreLeftOut() {
    FactSet stale = FactSet.of(List.of(
        KnownFact.yesNo("poistettu-kasite", true, Provenance.STATED, List.of("sana"), 1),
        KnownFact.yesNo("ravintola", true, Provenance.STATED, List.of("kahvila"), 1)));

    Recommendation r = navigator.recommend(stale, navigator.analyse(""), "fi");

    assertThat(r.facts()).containsOnlyKeys("ravintola");
    assertThat(Collections.unmodifiableList(r.lifeEvents())).isNotEmpty();
  }
}
