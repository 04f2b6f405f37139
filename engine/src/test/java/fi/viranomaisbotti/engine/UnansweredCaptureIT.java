package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.unanswered.UnansweredGroup;
import fi.viranomaisbotti.engine.unanswered.UnansweredKind;
import fi.viranomaisbotti.engine.unanswered.UnansweredQueue;
import fi.viranomaisbotti.engine.unanswered.UnansweredRepository;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.EventSignal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the unanswered queue keeps, with real Voikko and the packaged corpus: which stories and
 * searches are captured under which kind, and their lemma keys read from the masked text.
 */
class UnansweredCaptureIT {
  private static final Navigator NAVIGATOR = NavigatorFixture.NAVIGATOR;

  /** Keeps what is added, in order. */
  private static final class Kept implements UnansweredRepository {
    record Added(String key, UnansweredKind kind, String text) {}

    final List<Added> added = new ArrayList<>();

    @Override
    public synchronized void add(String keyHash, String key, UnansweredKind kind, String maskedText, Instant at) {
      added.add(new Added(key, kind, maskedText));
    }

    @Override
    public List<UnansweredGroup> groups(UnansweredGroup.State state, int limit, int examples) {
      return List.of();
    }

    @Override
    public Optional<UnansweredGroup> group(String id, int examples) {
      return Optional.empty();
    }

    @Override
    public boolean resolve(String id, UnansweredGroup.State state, String by, Instant at, String convertedTo) {
      return false;
    }

    @Override
    public int deleteBefore(Instant cutoff) {
      return 0;
    }
  }

  private final Kept kept = new Kept();
  private final UnansweredQueue queue = new UnansweredQueue(NAVIGATOR, kept, Clock.systemUTC());

  private void say(String text) {
    AnalysedText a = NAVIGATOR.analyse(text);
    queue.said(a, NAVIGATOR.recommend(FactSet.of(NAVIGATOR.read(text, 1).facts()), a, a.language()));
  }

  private static Recommendation withSignals(Recommendation r, List<EventSignal> signals) {
    return new Recommendation(r.language(), r.knowledgeVersion(), r.facts(), r.factSources(), r.municipality(),
        r.understood(), signals, r.lifeEvents(), r.obligations(), r.actors(), r.services(), r.questions(), r.plan(),
        r.answers(), r.notices(), r.interpretations());
  }

  @Test
  void aStoryWithoutAnEventIsKeptMaskedUnderItsContentWordLemmas() {
    say("Mistä hankin metsästyskortin? Olen Matti Meikäläinen, puhelin 040 123 4567.");
    assertThat(kept.added).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(UnansweredKind.NO_EVENT);
      assertThat(a.text()).contains("[NIMI]", "[PUHELIN]").doesNotContain("Meikäläinen", "040");
      assertThat(a.key()).isEqualTo("hankkia metsästyskortti puhelin");
    });
  }

  @Test
  void aStoryWithAnEventIsKeptOnlyWhenTheClassifierReadsItWeakly() {
    String story = "Haluan avata kahvilan Tampereelle.";
    AnalysedText a = NAVIGATOR.analyse(story);
    Recommendation r = NAVIGATOR.recommend(FactSet.of(NAVIGATOR.read(story, 1).facts()), a, a.language());
    assertThat(r.lifeEvents()).as("the rules find an event").isNotEmpty();

    queue.said(a, withSignals(r, List.of(new EventSignal("ravintolan-perustaminen", 0.9))));
    assertThat(kept.added).as("a sure reading is not kept").isEmpty();

    queue.said(a, withSignals(r, List.of(new EventSignal("ravintolan-perustaminen", 0.2))));
    assertThat(kept.added).singleElement().satisfies(x -> {
      assertThat(x.kind()).isEqualTo(UnansweredKind.LOW_CONFIDENCE);
      assertThat(x.key()).contains("kahvila", "avata");
    });
  }

  @Test
  void aSearchIsKeptWhenItsBestHitHoldsAtMostHalfOfItsWords() {
    queue.searched(NAVIGATOR.search("anniskelulupa", Audience.CITIZEN, 10, null, null, null));
    assertThat(kept.added).as("a good hit").isEmpty();
    AnswerSearch miss = NAVIGATOR.search("kryptovaluuttojen louhintalaitos", Audience.CITIZEN, 10, null, null, null);
    assertThat(miss.hits()).as("Lucene finds something").isNotEmpty();
    queue.searched(miss);
    assertThat(kept.added).singleElement().satisfies(x -> assertThat(x.kind()).isEqualTo(UnansweredKind.SEARCH_MISS));
  }

  @Test
  void inflectedWordingsShareAKeyAndPlaceholdersAreNoWords() {
    assertThat(queue.key("Mistä hankin metsästyskortin?")).isEqualTo(queue.key("mistä metsästyskortti hankitaan"));
    assertThat(queue.key("[NIMI] [PUHELIN] [OSOITE]")).isEmpty();
    assertThat(queue.key("moi, kiitos")).isEmpty();
  }
}
