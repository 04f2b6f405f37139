package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.Recommendation.QuestionAnswer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A turn that asks something gets the answer base's best citizen answer, decided by the engine. */
class TurnQuestionIT {
  private final Navigator navigator = NavigatorFixture.NAVIGATOR;

  private QuestionAnswer asked(String text) {
    return navigator.recommend(text, Map.of()).questionAnswer();
  }

  @Test
  void aYesOrNoQuestionAboutACafesLicenceIsAnsweredWithSourceStatusAndRelatedItems() {
    QuestionAnswer qa = asked("Tarvitseeko kahvila anniskeluluvan?");
    assertThat(qa).isNotNull();
    assertThat(qa.found()).isTrue();
    assertThat(qa.answer().title() + " " + qa.answer().text()).containsIgnoringCase("anniskelu");
    assertThat(qa.answer().source()).isNotBlank();
    assertThat(qa.answer().status()).isIn("draft", "reviewed");
    assertThat(qa.answer().relatedItems()).isNotEmpty();
    assertThat(ReplyText.of(navigator.recommend("Tarvitseeko kahvila anniskeluluvan?", Map.of())))
        .startsWith("Vastaus kysymykseesi on alla").doesNotContain("Tunnistin");
  }

  @Test
  void aQuestionThatNamesNothingIsAskedAboutWhatTheStoryTold() {
    // Searched alone, "Tarvitaanko siihen lupa?" matched the X-ray licence answer on "lupa".
    QuestionAnswer daycare = asked("Haluan perustaa yksityisen päiväkodin Vantaalle. Tarvitaanko siihen lupa?");
    assertThat(daycare.found()).isTrue();
    assertThat(daycare.answer().title()).containsIgnoringCase("päiväko");
    QuestionAnswer death = asked("Äiti kuoli viime viikolla. Mitä kaikkea pitää hoitaa?");
    assertThat(death.found()).isTrue();
    assertThat(death.answer().title() + " " + death.answer().text()).containsAnyOf("perunkirjoitus", "kuolinpesä", "perukirja");
    // The story's reading, not each word's own concepts: "tuotannollisista" brought the eggs answer.
    QuestionAnswer dismissed = asked("Mut irtisanottiin tuotannollisista ja taloudellisista syistä. Mitä mun pitää tehdä?");
    assertThat(dismissed.found()).isTrue();
    assertThat(dismissed.answer().title() + " " + dismissed.answer().text()).containsIgnoringCase("työttöm");
    // A question with its own concept is searched as it is.
    assertThat(asked("Haluan perustaa yksityisen päiväkodin Vantaalle. Tarvitseeko kahvila anniskeluluvan?").answer().title())
        .containsIgnoringCase("anniskelu");
  }

  @Test
  void aQuestionWithoutAQuestionMarkIsStillAQuestion() {
    QuestionAnswer qa = asked("paljonko starttiraha on");
    assertThat(qa).isNotNull();
    assertThat(qa.found()).isTrue();
    assertThat(qa.answer().title() + " " + qa.answer().text()).containsIgnoringCase("starttiraha");
  }

  @Test
  void aStoryAsksNothingAndANonsenseQuestionIsToldNothingFits() {
    assertThat(asked("Avaan kahvilan Tampereelle ja palkkaan kaksi työntekijää.")).isNull();
    QuestionAnswer none = asked("Mikä on zyxkvörp qwprt?");
    assertThat(none).isNotNull();
    assertThat(none.found()).isFalse();
    assertThat(none.answer()).isNull();
    assertThat(ReplyText.of(navigator.recommend("Mikä on zyxkvörp qwprt?", Map.of()))).contains("ei löytynyt");
    QuestionAnswer smallTalk = asked("Mitä kuuluu?");
    assertThat(smallTalk.found()).as("a question about nothing the answer base covers").isFalse();
  }

  @Test
  void aStepWhoseTextGivesAPeriodCarriesItsTimingInThePlan() {
    Recommendation r = navigator.recommend("Perustan taksiyrityksen Tampereelle.", Map.of());
    assertThat(r.plan()).filteredOn(s -> s.id().equals("taksiliikennelupa")).singleElement()
        .satisfies(s -> assertThat(s.timing().period()).isEqualTo("P3W"));
    assertThat(r.plan()).filteredOn(s -> s.id().equals("yrityksen-rekisterointi")).allSatisfy(s -> assertThat(s.timing()).isNull());
  }

  @Test
  void theReplyIsInSwedishWithTheNamesAndTheNextQuestionInSwedish() {
    Recommendation r = navigator.recommend("Avaan kahvilan Tampereelle.", Map.of());
    String reply = ReplyText.of(r, "sv", navigator.namesIn(r, "sv"));
    assertThat(reply).startsWith("Jag kände igen: ").contains("Planen finns nedan").doesNotContain("Tunnistin");
    assertThat(reply).contains("Jag frågar ännu: " + navigator.namesIn(r, "sv").get(r.questions().get(0).id()));
    assertThat(ReplyText.of(navigator.recommend("Tarvitseeko kahvila anniskeluluvan?", Map.of()), "en", Map.of()))
        .startsWith("The answer to your question is below");
    assertThat(ReplyText.of(r, "fi", Map.of())).isEqualTo(ReplyText.of(r));
  }
}
