package fi.viranomaisbotti.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
  void aStepMarkedDoneIsKeptAndOpeningItAgainForgetsIt() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    String step = service.resume(key).recommendation().plan().get(0).id();

    assertThat(service.mark(key, step, StepState.DONE)).containsEntry(step, StepState.DONE);
    assertThat(service.progress(key)).containsEntry(step, StepState.DONE);
    assertThat(service.mark(key, step, StepState.OPEN)).isEmpty();
  }

  @Test
  void theNextTurnAndAResumeCarryTheStepsMarked() {
    ConversationService.Turn first = service.say(null, "Perustan kahvilan Tampereelle.");
    assertThat(first.progress()).isEmpty();
    ConversationKey key = first.conversation();
    String step = first.recommendation().plan().get(0).id();
    service.mark(key, step, StepState.NOT_RELEVANT);

    assertThat(service.say(key, "Palkkaan kaksi työntekijää.").progress()).containsExactly(Map.entry(step, StepState.NOT_RELEVANT));
    assertThat(service.resume(key).progress()).containsExactly(Map.entry(step, StepState.NOT_RELEVANT));
  }

  @Test
  void onlyStepsOfThePlanCanBeMarkedAndOnlyWithTheConversationsToken() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();

    assertThatThrownBy(() -> service.mark(key, "kahvila", StepState.DONE)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a step");
    assertThatThrownBy(() -> service.mark(new ConversationKey(key.id(), "A".repeat(43)), "yrityksen-rekisterointi",
        StepState.DONE)).isInstanceOf(ConversationNotFoundException.class);
  }

  @Test
  void aFeedbackCommentIsStoredMasked() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();

    service.feedback(key, false, "Soita minulle numeroon 040 1234567, en ymmärtänyt anniskelua.");

    assertThat(repository.feedback).singleElement().asString().startsWith("false:").contains("anniskelua")
        .doesNotContain("1234567");
  }

  @Test
  void aShareCodeOpensTheConversationWithTheConsentWhateverTheCaseOrDashes() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();

    ConversationService.ShareCode code = service.share(key);

    assertThat(code.code()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    SharedConversation shared = service.shareFor(" " + code.code().replace("-", "").toLowerCase(java.util.Locale.ROOT)).orElseThrow();
    assertThat(shared.conversationId()).isEqualTo(key.id());
    assertThat(shared.consent().who()).isEqualTo(ShareConsent.CUSTOMER);
    assertThat(shared.history()).hasSize(1);
    assertThat(shared.recommendation().plan()).isNotEmpty();
    assertThat(service.shareFor("AAAA-AAAA-AAAA")).isEmpty();
    assertThat(service.shareFor("not a code")).isEmpty();
  }

  @Test
  void aConversationLongerThanOneTextLimitKeepsAnswering() {
    String sentence = "Haluan perustaa kahvilan Tampereelle ja myydä siellä omia leivonnaisia. ";
    String long4400 = sentence.repeat(4400 / sentence.length() + 1).substring(0, 4400);
    ConversationService.Turn first = service.say(null, long4400);
    ConversationKey key = first.conversation();
    ConversationService.Turn second = service.say(key, long4400);
    ConversationService.Turn third = service.say(key, long4400);
    ConversationService.Turn fourth = service.say(key, "Aion myös palkata työntekijän.");

    assertThat(List.of(first.seq(), second.seq(), third.seq(), fourth.seq())).containsExactly(1, 2, 3, 4);
    assertThat(fourth.recommendation().lifeEvents()).isNotEmpty();
    assertThat(fourth.recommendation().facts()).containsEntry("tyontekija", true);
    assertThat(repository.turns(key.id())).hasSize(4);
    assertThat(service.resume(key).recommendation().facts()).containsEntry("tyontekija", true);
  }

  @Test
  void aSentenceOverrulesAnEarlierButtonAnswer() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    assertThat(service.answer(key, "tyontekija", "ei").recommendation().facts()).containsEntry("tyontekija", false);

    Recommendation after = service.say(key, "Aion sittenkin palkata yhden työntekijän.").recommendation();

    assertThat(after.facts()).containsEntry("tyontekija", true);
    assertThat(service.resume(key).recommendation().facts()).containsEntry("tyontekija", true);
  }

  @Test
  void aButtonAnswerOverrulesAnEarlierSentence() {
    ConversationKey key = service.say(null, "Perustan kahvilan ja palkkaan kaksi työntekijää.").conversation();

    Recommendation after = service.answer(key, "tyontekija", false).recommendation();

    assertThat(after.facts()).containsEntry("tyontekija", false);
  }

  @Test
  void aFactWhoseOnlyEvidenceWasMaskedSurvivesResume() {
    ConversationKey key = service.say(null, "Perustan kahvilan. Osoite on Kauppakatu 5, Seinäjoki.").conversation();

    ConversationService.Resumed resumed = service.resume(key);

    assertThat(resumed.history().get(0).maskedText()).doesNotContain("Kauppakatu 5");
    assertThat(resumed.recommendation().municipality()).isNotNull();
    assertThat(resumed.recommendation().municipality().name()).isEqualTo("Seinäjoki");
    assertThat(resumed.history().get(0).facts())
        .flatExtracting(KnownFact::evidence)
        .noneMatch(e -> e.contains("Kauppakatu"));
  }

  @Test
  void textIsReadOnlyOnceSoEarlierTurnsAreNotAnalysedAgain() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    service.say(key, "En myy alkoholia.");

    FactSet facts = repository.head(key.id()).orElseThrow().facts();

    assertThat(facts.yesNo("alkoholi")).hasValueSatisfying(f -> {
      assertThat(f.value()).isEqualTo(new KnownFact.YesNo(false));
      assertThat(f.provenance()).isEqualTo(Provenance.STATED);
      assertThat(f.turn()).isEqualTo(2);
    });
    assertThat(facts.municipalityCode()).isPresent();
  }

  @Test
  void twoTabsOnOneConversationLoseNoTurns() throws Exception {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    ExecutorService tabs = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<ConversationService.Turn>>> sent = new ArrayList<>();
    for (String tab : List.of("A", "B")) {
      sent.add(tabs.submit(() -> {
        go.await();
        List<ConversationService.Turn> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          seen.add(service.say(key, "Välilehti " + tab + " viesti " + i + ": myyn kahvia."));
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

    List<StoredTurn> stored = repository.turns(key.id());
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
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    ConversationService other = new ConversationService(navigator, repository, Clock.systemUTC());
    AtomicBoolean once = new AtomicBoolean(true);
    repository.beforeAppend = () -> {
      if (once.getAndSet(false)) {
        other.answer(key, "alkoholi", true);
      }
    };

    ConversationService.Turn turn = service.say(key, "Palkkaan työntekijän.");

    assertThat(turn.seq()).isEqualTo(3);
    assertThat(turn.recommendation().facts()).containsEntry("alkoholi", true).containsEntry("tyontekija", true);
  }

  @Test
  void aBadAnswerStoresNothing() {
    ConversationKey key = service.say(null, "Perustan kahvilan.").conversation();

    assertThatThrownBy(() -> service.answer(key, "ei-tallaista", true)).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> service.answer(null, "tyontekija", 3)).isInstanceOf(BadInputException.class);

    assertThat(repository.turns(key.id())).hasSize(1);
  }

  @Test
  void anUnknownConversationIsNotFoundAndTheAnswerDoesNotNameTheId() {
    ConversationKey unknown = new ConversationKey("ei-ole", "ei-ole-tokenia");

    assertThatThrownBy(() -> service.say(unknown, "Perustan kahvilan."))
        .isInstanceOf(ConversationNotFoundException.class)
        .message().doesNotContain("ei-ole");
    assertThatThrownBy(() -> service.resume(unknown)).isInstanceOf(ConversationNotFoundException.class);
  }

  @Test
  void theFirstTurnGivesAResumeTokenOfAtLeast128RandomUrlSafeBitsThatIsStoredOnlyHashed() {
    ConversationService.Turn first = service.say(null, "Perustan kahvilan Tampereelle.");
    ConversationService.Turn second = service.say(first.conversation(), "Palkkaan työntekijän.");
    String token = first.conversation().resumeToken();

    assertThat(first.started()).isTrue();
    assertThat(second.started()).isFalse();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(service.say(null, "Perustan kahvilan.").conversation().resumeToken()).isNotEqualTo(token);
    ConversationHead head = repository.head(first.conversationId()).orElseThrow();
    assertThat(head.resumeTokenHash()).hasSize(64).isNotEqualTo(token).doesNotContain(token);
    assertThat(first.conversation().toString()).doesNotContain(token).doesNotContain(first.conversationId());
  }

  @Test
  void aConversationCannotBeResumedOrContinuedWithTheIdAloneOrAWrongToken() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    String otherToken = service.say(null, "Perustan sikalan.").conversation().resumeToken();

    for (String wrong : List.of("", "väärä", otherToken, key.resumeToken() + "x", "x".repeat(100_000))) {
      ConversationKey guess = new ConversationKey(key.id(), wrong);
      assertThatThrownBy(() -> service.resume(guess)).isInstanceOf(ConversationNotFoundException.class);
      assertThatThrownBy(() -> service.say(guess, "Myyn myös olutta.")).isInstanceOf(ConversationNotFoundException.class);
      assertThatThrownBy(() -> service.answer(guess, "alkoholi", true)).isInstanceOf(ConversationNotFoundException.class);
    }

    assertThat(repository.turns(key.id())).hasSize(1);
    assertThat(service.resume(key).history()).hasSize(1);
  }

  @Test
  void aConversationStoredBeforeResumeTokensCanNoLongerBeResumed() {
    repository.put(new ConversationHead("vanha", Instant.parse("2026-05-01T08:00:00Z"), 0, "fi", FactSet.empty(), null, 0),
        Instant.parse("2026-05-01T08:00:00Z"), List.of());

    for (String token : List.of("", "mikä-tahansa", ResumeTokens.hash(""))) {
      assertThatThrownBy(() -> service.resume(new ConversationKey("vanha", token)))
          .isInstanceOf(ConversationNotFoundException.class);
    }
  }

  @Test
  void aMessageThatCannotBeReadStoresNothingAndTheConversationResumesWithEveryAcceptedTurn() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    service.answer(key, "alkoholi", false);
    List<String> accepted = new ArrayList<>(List.of("Perustan kahvilan Tampereelle.", "alkoholi=false"));

    assertThatThrownBy(() -> service.say(key, "liian pitkä ".repeat(1_000))).hasMessageContaining("at most 10000");
    // Input that once overflowed the tokenizer's stack: whether it is read or refused, the
    // conversation must stay resumable, with it stored only if it was accepted.
    for (String hostile : List.of("a-".repeat(3_000), "1.".repeat(3_000), "a@b." + "b.".repeat(3_000))) {
      if (catchThrowable(() -> service.say(key, hostile)) == null) {
        accepted.add(repository.turns(key.id()).get(accepted.size()).maskedText());
      }
    }
    service.say(key, "Palkkaan kaksi työntekijää.");
    accepted.add("Palkkaan kaksi työntekijää.");

    ConversationService.Resumed resumed = service.resume(key);
    assertThat(resumed.history()).extracting(StoredTurn::maskedText).containsExactlyElementsOf(accepted);
    assertThat(resumed.history()).extracting(StoredTurn::seq).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, accepted.size()).boxed().toList());
    assertThat(resumed.recommendation().facts()).containsEntry("alkoholi", false).containsEntry("tyontekija", true);
  }

  @Test
  void aFailureAfterTheTurnIsStoredDoesNotStopTheConversationFromResuming() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    repository.afterAppend = () -> {
      throw new IllegalStateException("yhteys katkesi kuittauksen aikana");
    };

    assertThatThrownBy(() -> service.say(key, "Palkkaan työntekijän.")).isInstanceOf(IllegalStateException.class);
    repository.afterAppend = () -> { };

    ConversationService.Resumed resumed = service.resume(key);
    assertThat(resumed.history()).hasSize(2);
    assertThat(resumed.recommendation().facts()).containsEntry("tyontekija", true);
    assertThat(service.say(key, "En myy alkoholia.").seq()).isEqualTo(3);
  }

  @Test
  void aStoredTurnWhoseFactsNameARemovedConceptStillResumes() {
    ConversationKey key = service.say(null, "Perustan kahvilan Tampereelle.").conversation();
    ConversationHead head = repository.head(key.id()).orElseThrow();
    KnownFact removed = KnownFact.yesNo("poistettu-kasite", true, Provenance.STATED, List.of("sana"), 2);
    List<StoredTurn> turns = new ArrayList<>(repository.turns(key.id()));
    turns.add(new StoredTurn(2, Instant.now(), StoredTurn.Role.USER, "Sana, jota ei enää tunneta.", List.of(removed)));
    repository.put(new ConversationHead(key.id(), head.createdAt(), 2, "fi", head.facts().with(List.of(removed)),
        head.resumeTokenHash(), head.storedCharacters()), Instant.now(), turns);

    ConversationService.Resumed resumed = service.resume(key);

    assertThat(resumed.history()).hasSize(2);
    assertThat(resumed.recommendation().facts()).doesNotContainKey("poistettu-kasite").containsKey("ravintola");
    assertThat(service.say(key, "Palkkaan työntekijän.").recommendation().facts()).containsEntry("tyontekija", true);
  }

  @Test
  void conversationsWithoutATurnForTheRetentionPeriodAreDeleted() {
    Instant now = Instant.parse("2026-12-04T10:00:00Z");
    ConversationService old = new ConversationService(navigator, repository, Clock.fixed(now.minus(Duration.ofDays(91)), ZoneOffset.UTC));
    ConversationService recent = new ConversationService(navigator, repository, Clock.fixed(now.minus(Duration.ofDays(89)), ZoneOffset.UTC));
    ConversationKey forgotten = old.say(null, "Perustan kahvilan.").conversation();
    ConversationKey kept = recent.say(null, "Perustan kahvilan.").conversation();

    assertThat(repository.deleteInactiveBefore(now.minus(Duration.ofDays(90)))).isEqualTo(1);

    assertThatThrownBy(() -> service.resume(forgotten)).isInstanceOf(ConversationNotFoundException.class);
    assertThat(service.resume(kept).history()).hasSize(1);
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
