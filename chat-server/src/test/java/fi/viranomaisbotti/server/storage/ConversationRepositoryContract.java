package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.conversation.ConversationHead;
import fi.viranomaisbotti.engine.conversation.ConversationRepository;
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

  static String newId() {
    return UUID.randomUUID().toString();
  }

  static StoredTurn userTurn(int seq, String text, KnownFact... facts) {
    return new StoredTurn(seq, CREATED.plusSeconds(seq), StoredTurn.Role.USER, text, List.of(facts));
  }

  static KnownFact sikala(int turn) {
    return KnownFact.yesNo("sika", true, Provenance.STATED, List.of("sikala", "lihasikalan"), turn);
  }

  @Test
  void aNewConversationIsAtVersionZeroInFinnishWithNoFactsAndNoTurns() {
    String id = newId();
    repository().create(id, CREATED);
    assertThat(repository().head(id)).hasValue(new ConversationHead(id, CREATED, 0, "fi", FactSet.empty()));
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
    repository().create(id, CREATED);
    assertThatThrownBy(() -> repository().create(id, CREATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(id).hasMessageContaining("exists already");
  }

  @Test
  void anAppendAtTheExpectedVersionStoresTheTurnAndMovesTheVersionFactsAndLanguageOn() {
    String id = newId();
    repository().create(id, CREATED);
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
    repository().create(id, CREATED);
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
    repository().create(id, CREATED);
    assertThatThrownBy(() -> repository().append(id, 0, userTurn(2, "Hyppään yli."), FactSet.empty(), "fi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have seq 1, got 2");
  }

  @Test
  void appendingToAConversationThatWasNeverCreatedIsAnErrorNotAConflict() {
    assertThatThrownBy(() -> repository().append("ei-luotu", 0, userTurn(1, "Hei"), FactSet.empty(), "fi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ei-luotu'").hasMessageContaining("create it");
  }

  @Test
  void turnsComeBackInOrderWithTheirTimesRolesAndTexts() {
    String id = newId();
    repository().create(id, CREATED);
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
    repository().create(id, CREATED);
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
    repository().create(id, CREATED);
    repository().append(id, 0, userTurn(1, "Jag vill öppna ett kafé."), FactSet.empty(), "sv");
    assertThat(repository().head(id).orElseThrow().language()).isEqualTo("sv");
  }

  @Test
  void concurrentWritersWinOnePerVersionAndNoTurnIsLostOrStoredTwice() throws Exception {
    String id = newId();
    repository().create(id, CREATED);
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
