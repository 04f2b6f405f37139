package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.conversation.ConversationHead;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationRepository;
import fi.viranomaisbotti.engine.conversation.ShareConsent;
import fi.viranomaisbotti.engine.conversation.StepState;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import fi.viranomaisbotti.engine.facts.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationRepository} must do, run against each database we support. Each
 * test uses its own conversation ids, so a shared database needs no cleaning between tests.
 */
abstract class ConversationRepositoryContract {
  static final Instant CREATED = Instant.parse("2026-12-04T10:15:30.123456Z");

  /** The repository under test, on a migrated database. */
  abstract ConversationRepository repository();

  /** A resume token's stored form: SHA-256 as 64 hex digits. */
  static final String TOKEN_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Creates a conversation as the service does, with a token hash. */
  void create(String id) {
    repository().create(id, TOKEN_HASH, CREATED);
  }

  static StoredTurn userTurn(int seq, String text, KnownFact... facts) {
    return new StoredTurn(seq, CREATED.plusSeconds(seq), StoredTurn.Role.USER, text, List.of(facts));
  }

  static KnownFact sikala(int turn) {
    return KnownFact.yesNo("sika", true, Provenance.STATED, List.of("sikala", "lihasikalan"), turn);
  }

  @Test
  void aNewConversationIsAtVersionZeroInFinnishWithNoFactsAndNoTurnsAndKeepsItsTokenHash() {
    String id = newId();
    create(id);
    assertThat(repository().head(id)).hasValue(new ConversationHead(id, CREATED, 0, "fi", FactSet.empty(), TOKEN_HASH, 0));
    assertThat(repository().turns(id)).isEmpty();
  }

  @Test
  void anUnknownConversationHasNoHeadAndNoTurns() {
    assertThat(repository().head("ei-ole-olemassa")).isEmpty();
    assertThat(repository().turns("ei-ole-olemassa")).isEmpty();
  }

  @Test
  void creatingTheSameIdTwiceIsRefused() {
    String id = newId();
    create(id);
    assertThatThrownBy(() -> create(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ConversationKey.reference(id)).hasMessageContaining("exists already")
        .message().doesNotContain(id);
  }

  @Test
  void anAppendAtTheExpectedVersionStoresTheTurnAndMovesTheVersionFactsAndLanguageOn() {
    String id = newId();
    create(id);
    StoredTurn turn = userTurn(1, "Haluan perustaa lihasikalan Seinäjoelle.", sikala(1));
    FactSet after = FactSet.of(List.of(sikala(1)));

    assertThat(repository().append(id, 0, turn, after, "fi")).isTrue();

    ConversationHead head = repository().head(id).orElseThrow();
    assertThat(head.version()).isEqualTo(1);
    assertThat(head.facts().facts()).containsExactlyElementsOf(after.facts());
    assertThat(head.createdAt()).isEqualTo(CREATED);
    assertThat(repository().turns(id)).containsExactly(turn);
  }

  @Test
  void anAppendAtAStaleVersionStoresNothingAndSaysSo() {
    String id = newId();
    create(id);
    repository().append(id, 0, userTurn(1, "Avaan kahvilan."), FactSet.empty(), "fi");

    boolean stored = repository().append(id, 0, userTurn(1, "Myyn myös olutta."), FactSet.of(List.of(sikala(1))), "sv");

    assertThat(stored).isFalse();
    assertThat(repository().turns(id)).extracting(StoredTurn::maskedText).containsExactly("Avaan kahvilan.");
    assertThat(repository().head(id).orElseThrow()).extracting(ConversationHead::version, ConversationHead::language, ConversationHead::facts)
        .containsExactly(1, "fi", FactSet.empty());
  }

  @Test
  void aTurnWhoseNumberIsNotTheNextVersionIsRefused() {
    String id = newId();
    create(id);
    assertThatThrownBy(() -> repository().append(id, 0, userTurn(2, "Hyppään yli."), FactSet.empty(), "fi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have seq 1, got 2");
  }

  @Test
  void appendingToAConversationThatWasNeverCreatedIsAnErrorNotAConflict() {
    assertThatThrownBy(() -> repository().append("ei-luotu", 0, userTurn(1, "Hei"), FactSet.empty(), "fi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ConversationKey.reference("ei-luotu")).hasMessageContaining("create it")
        .message().doesNotContain("ei-luotu");
  }

  @Test
  void turnsComeBackInOrderWithTheirTimesRolesAndTexts() {
    String id = newId();
    create(id);
    List<StoredTurn> said = List.of(
        userTurn(1, "Perustan luomutilan, jossa on sikala ja ravintola."),
        new StoredTurn(2, CREATED.plusSeconds(2), StoredTurn.Role.ANSWER, "alkoholi=false",
            List.of(KnownFact.yesNo("alkoholi", false, Provenance.ANSWERED, List.of("vastasit ei"), 2))),
        userTurn(3, "Puhelinnumeroni on [PUHELIN], ja työllistän kesällä kaksi nuorta."),
        userTurn(4, "Å ä ö – \"lainausmerkit\" ja rivin\nvaihto 😀".repeat(50)));
    for (StoredTurn t : said) {
      assertThat(repository().append(id, t.seq() - 1, t, FactSet.empty(), "fi")).isTrue();
    }
    assertThat(repository().turns(id)).containsExactlyElementsOf(said);
  }

  @Test
  void factsOfEveryKindComeBackAsTheyWereStored() {
    String id = newId();
    create(id);
    List<KnownFact> facts = List.of(
        KnownFact.yesNo("sika", true, Provenance.STATED, List.of("lihasikalan"), 1),
        KnownFact.yesNo("alkoholi", false, Provenance.ANSWERED, List.of(), 1),
        KnownFact.amount("yleisomaara", 350, Provenance.STATED, List.of("noin 350 ihmistä"), 1),
        KnownFact.amount("tyontekijat", 2.5, Provenance.ANSWERED, List.of("2,5"), 1),
        KnownFact.place("743", Provenance.STATED, List.of("Seinäjoelle"), 1));
    FactSet after = FactSet.of(facts);

    repository().append(id, 0, userTurn(1, "Tarina", facts.toArray(KnownFact[]::new)), after, "fi");

    assertThat(repository().turns(id).get(0).facts()).containsExactlyElementsOf(facts);
    ConversationHead head = repository().head(id).orElseThrow();
    assertThat(head.facts().facts()).containsExactlyElementsOf(after.facts());
    assertThat(head.facts().facts()).containsExactlyElementsOf(facts);
    assertThat(head.facts().municipalityCode()).hasValue("743");
  }

  @Test
  void theLanguageOfTheLatestTurnIsKept() {
    String id = newId();
    create(id);
    repository().append(id, 0, userTurn(1, "Jag vill öppna ett kafé."), FactSet.empty(), "sv");
    assertThat(repository().head(id).orElseThrow().language()).isEqualTo("sv");
  }

  @Test
  void theTokenHashStaysWhatItWasWhenTurnsAreAppended() {
    String id = newId();
    create(id);
    repository().append(id, 0, userTurn(1, "Avaan kahvilan."), FactSet.empty(), "fi");
    assertThat(repository().head(id)).map(ConversationHead::resumeTokenHash).hasValue(TOKEN_HASH);
  }

  @Test
  void conversationsWithoutATurnSinceTheCutoffAreDeletedWithTheirTurnsAndOthersAreKept() {
    Instant cutoff = CREATED.plus(java.time.Duration.ofDays(90));
    String quiet = newId();
    String emptyAndOld = newId();
    String active = newId();
    create(quiet);
    repository().append(quiet, 0, userTurn(1, "Perustan sikalan."), FactSet.empty(), "fi");
    create(emptyAndOld);
    create(active);
    repository().append(active, 0, userTurn(1, "Perustan kahvilan."), FactSet.empty(), "fi");
    repository().append(active, 1, new StoredTurn(2, cutoff.plusSeconds(1), StoredTurn.Role.USER, "Palkkaan kokin.",
        List.of()), FactSet.empty(), "fi");

    int deleted = repository().deleteInactiveBefore(cutoff);

    assertThat(deleted).isGreaterThanOrEqualTo(2);
    assertThat(repository().head(quiet)).isEmpty();
    assertThat(repository().turns(quiet)).isEmpty();
    assertThat(repository().head(emptyAndOld)).isEmpty();
    assertThat(repository().head(active)).map(ConversationHead::version).hasValue(2);
    assertThat(repository().turns(active)).hasSize(2);
  }

  @Test
  void stepMarksComeBackAsStoredAndAnOpenStepHasNone() {
    String id = newId();
    create(id);
    repository().setStepState(id, "yrityksen-rekisterointi", StepState.DONE, CREATED.plusSeconds(5));
    repository().setStepState(id, "anniskelulupa", StepState.NOT_RELEVANT, CREATED.plusSeconds(6));
    repository().setStepState(id, "anniskelulupa", StepState.DONE, CREATED.plusSeconds(7));
    repository().setStepState(id, "yrityksen-rekisterointi", StepState.OPEN, CREATED.plusSeconds(8));

    assertThat(repository().stepStates(id)).containsExactly(java.util.Map.entry("anniskelulupa", StepState.DONE));
    assertThat(repository().stepStates(newId())).isEmpty();
  }

  @Test
  void aShareCodeHashOpensItsConversationWithTheConsent() {
    String id = newId();
    create(id);
    ShareConsent consent = new ShareConsent(ShareConsent.CUSTOMER, CREATED.plusSeconds(9), ShareConsent.SCOPE);
    repository().share(id, TOKEN_HASH, consent);

    assertThat(repository().shared(TOKEN_HASH)).hasValue(new ConversationRepository.Shared(id, consent));
    assertThat(repository().shared("0".repeat(64))).isEmpty();
  }

  @Test
  void theRetentionDeletesStepMarksFeedbackAndShareConsentsWithTheirConversation() {
    Instant cutoff = CREATED.plus(java.time.Duration.ofDays(90));
    String old = newId();
    create(old);
    repository().setStepState(old, "anniskelulupa", StepState.DONE, CREATED.plusSeconds(1));
    repository().addFeedback(old, true, "Hyvä palvelu, soita [puhelinnumero].", CREATED.plusSeconds(2));
    String codeHash = "a".repeat(64);
    repository().share(old, codeHash, new ShareConsent(ShareConsent.CUSTOMER, CREATED.plusSeconds(3), ShareConsent.SCOPE));

    repository().deleteInactiveBefore(cutoff);

    assertThat(repository().head(old)).isEmpty();
    assertThat(repository().stepStates(old)).isEmpty();
    assertThat(repository().shared(codeHash)).isEmpty();
  }

  @Test
  void moreConversationsThanOneDeletionChunkAreAllDeleted() {
    Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < JdbcConversationRepository.DELETE_CHUNK + 3; i++) {
      String id = newId();
      repository().create(id, TOKEN_HASH, longAgo);
      ids.add(id);
    }

    repository().deleteInactiveBefore(longAgo.plusSeconds(1));

    assertThat(ids).allSatisfy(id -> assertThat(repository().head(id)).isEmpty());
  }

  @Test
  void concurrentWritersWinOnePerVersionAndNoTurnIsLostOrStoredTwice() throws Exception {
    String id = newId();
    create(id);
    int writers = 6;
    int turnsEach = 8;
    ConcurrentLinkedQueue<Integer> wonVersions = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < turnsEach; k++) {
            String text = "kirjoittaja " + writer + " vuoro " + k;
            while (true) {
              int version = repository().head(id).orElseThrow().version();
              StoredTurn turn = userTurn(version + 1, text);
              if (repository().append(id, version, turn, FactSet.empty(), "fi")) {
                wonVersions.add(version);
                break;
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int total = writers * turnsEach;
    assertThat(wonVersions).as("one winner per version").hasSize(total).doesNotHaveDuplicates();
    List<StoredTurn> turns = repository().turns(id);
    assertThat(turns).extracting(StoredTurn::seq).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
    List<String> expected = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < turnsEach; k++) {
        expected.add("kirjoittaja " + w + " vuoro " + k);
      }
    }
    assertThat(turns).extracting(StoredTurn::maskedText).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(repository().head(id).orElseThrow().version()).isEqualTo(total);
  }
}
