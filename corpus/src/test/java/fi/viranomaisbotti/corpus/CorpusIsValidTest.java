package fi.viranomaisbotti.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Item;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.Status;
import org.junit.jupiter.api.Test;

/** The shipped corpus loads with no errors, and every item carries its provenance. */
class CorpusIsValidTest {
  private final KnowledgeSnapshot snapshot =
      new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", getClass().getClassLoader()));

  @Test
  void theCorpusLoadsWithoutErrors() {
    assertThat(snapshot.actors()).isNotEmpty();
    assertThat(snapshot.obligations()).isNotEmpty();
    assertThat(snapshot.rules()).isNotEmpty();
  }

  @Test
  void everyItemHasASourceAnOwnerAndAReviewDate() {
    for (Item i : snapshot.allItems()) {
      assertThat(i.meta().source()).as(i.id()).isNotBlank();
      assertThat(i.meta().owner()).as(i.id()).isNotBlank();
      assertThat(i.meta().reviewed()).as(i.id()).isNotNull();
    }
  }

  @Test
  void theAnswerBaseHasAtLeastTwentyAnswersWithThreeWaysToAskEach() {
    assertThat(snapshot.answers()).hasSizeGreaterThanOrEqualTo(20);
    snapshot.answers().values().forEach(a -> assertThat(a.questions()).as(a.id()).hasSizeGreaterThanOrEqualTo(3));
  }

  @Test
  void the2026OrganisationIsInPlaceWithFormerNamesAsAliases() {
    assertThat(snapshot.current("avi").id()).isEqualTo("lupa-ja-valvontavirasto");
    assertThat(snapshot.current("ely-keskus").id()).isEqualTo("elinvoimakeskus");
    assertThat(snapshot.current("te-toimisto").id()).isEqualTo("tyollisyysalue");
    snapshot.obligations().values().forEach(o ->
        assertThat(snapshot.actors().get(o.actor()).successor()).as(o.id() + " names a current actor").isNull());
  }

  @Test
  void draftItemsAreTheOnesWithUncheckedLegalDetails() {
    // Items whose thresholds are not verified must stay drafts until someone checks them.
    assertThat(snapshot.obligations().get("ymparistolupa-elainsuoja").meta().status()).isEqualTo(Status.DRAFT);
    assertThat(snapshot.obligations().get("alv-rekisteri").meta().status()).isEqualTo(Status.DRAFT);
  }
}
