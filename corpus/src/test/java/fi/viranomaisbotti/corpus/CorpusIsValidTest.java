package fi.viranomaisbotti.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Item;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.Status;
import fi.viranomaisbotti.knowledge.Verifications;
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
  void everyDraftSaysWhatIsStillUnverified() {
    assertThat(Verifications.unexplainedDrafts(snapshot)).isEmpty();
  }

  @Test
  void everyReviewedStatementOfLawRecordsItsCheck() {
    // Vocabulary concepts are word lists, not statements of law; everything else REVIEWED says what was read.
    assertThat(Verifications.missing(snapshot).stream().filter(id -> !snapshot.concepts().containsKey(id))).isEmpty();
  }

  @Test
  void checkedThresholdsSayWhereTheyWereCheckedAndUncheckedOnesStayDrafts() {
    for (String id : java.util.List.of("ymparistolupa-elainsuoja", "ymparistoilmoitus-elainsuoja", "alv-rekisteri", "yel-vakuutus")) {
      var meta = snapshot.obligations().get(id).meta();
      assertThat(meta.status()).as(id).isEqualTo(Status.REVIEWED);
      assertThat(meta.verified()).as(id + " records its check").isNotNull();
      assertThat(meta.verified().url()).as(id).startsWith("https://");
    }
    // The MYEL earnings floor is not recorded in the corpus yet, so the item stays a draft.
    assertThat(snapshot.obligations().get("myel-vakuutus").meta().status()).isEqualTo(Status.DRAFT);
  }
}
