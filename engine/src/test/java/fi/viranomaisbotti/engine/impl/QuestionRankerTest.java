package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.Recommendation.ClarifyingQuestion;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.knowledge.LocalizedText;
import fi.viranomaisbotti.knowledge.Meta;
import fi.viranomaisbotti.knowledge.Question;
import fi.viranomaisbotti.knowledge.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionRankerTest {
  private static final Meta META = new Meta("testi", "testi", LocalDate.of(2026, 11, 1), Status.REVIEWED);

  private static final Map<String, Question> QUESTIONS = Map.of(
      "alkoholi", question("myytko-alkoholia", "alkoholi", "Myytkö tai anniskeletko alkoholia?"),
      "tyontekija", question("palkkaatko", "tyontekija", "Aiotko palkata työntekijöitä?"),
      "uudisrakennus", question("rakennatko", "uudisrakennus", "Rakennatko uuden rakennuksen?"),
      "melu", question("meluaako", "melu", "Aiheuttaako toiminta melua?"),
      "liikevaihto", new Question("kysy-liikevaihto", "liikevaihto", Question.AnswerType.NUMBER,
          LocalizedText.fi("Paljonko arvioit liikevaihdon olevan?"), List.of(), META));

  private final QuestionRanker ranker = new QuestionRanker(concept -> Optional.ofNullable(QUESTIONS.get(concept)));

  private static Question question(String id, String concept, String name) {
    return new Question(id, concept, Question.AnswerType.YES_NO, LocalizedText.fi(name), List.of(), META);
  }

  private static Item possible(String id, String... dependsOn) {
    return Item.obligation(
        new Item.Concluded(id, id, "koska", "possible", List.of(dependsOn), List.of(), "lähde", "reviewed", null),
        new Handling("permit", "kunta", "Kunta", null, null, null, null));
  }

  @Test
  void theConceptThatSettlesMostUncertainItemsIsAskedFirst() {
    List<ClarifyingQuestion> q = ranker.rank(
        List.of(possible("anniskelulupa", "alkoholi"), possible("tyonantajarekisteri", "tyontekija"),
            possible("tyoterveyshuolto", "tyontekija")),
        Map.of(), Set.of());

    assertThat(q).extracting(ClarifyingQuestion::concept).containsExactly("tyontekija", "alkoholi");
    assertThat(q.get(0).settles()).containsExactly("tyonantajarekisteri", "tyoterveyshuolto");
    assertThat(q.get(0).why()).isEqualTo("Vastaus ratkaisee 2 epävarmaa kohtaa.");
    assertThat(q.get(1).why()).isEqualTo("Vastaus ratkaisee yhden epävarman kohdan.");
    assertThat(q.get(0).name()).isEqualTo("Aiotko palkata työntekijöitä?");
    assertThat(q.get(0).type()).isEqualTo("YES_NO");
  }

  @Test
  void equallyUsefulQuestionsAreOrderedByConceptId() {
    List<ClarifyingQuestion> q = ranker.rank(
        List.of(possible("rakentamislupa", "uudisrakennus"), possible("anniskelulupa", "alkoholi")), Map.of(), Set.of());

    assertThat(q).extracting(ClarifyingQuestion::concept).containsExactly("alkoholi", "uudisrakennus");
  }

  @Test
  void knownAndMeasuredConceptsAreNotAskedAgain() {
    List<ClarifyingQuestion> q = ranker.rank(
        List.of(possible("anniskelulupa", "alkoholi"), possible("tyonantajarekisteri", "tyontekija"),
            possible("meluilmoitus", "melu")),
        Map.of("alkoholi", false), Set.of("tyontekija"));

    assertThat(q).extracting(ClarifyingQuestion::concept).containsExactly("melu");
  }

  @Test
  void aNumberQuestionIsAnsweredByAnAmountNotByAYes() {
    List<Item> vat = List.of(possible("alv-rekisteri", "liikevaihto"));
    assertThat(ranker.rank(vat, Map.of("liikevaihto", true), Set.of())).extracting(ClarifyingQuestion::concept)
        .containsExactly("liikevaihto");
    assertThat(ranker.rank(vat, Map.of("liikevaihto", true), Set.of("liikevaihto"))).isEmpty();
  }

  @Test
  void aConceptNoQuestionAsksAboutIsLeftOut() {
    assertThat(ranker.rank(List.of(possible("jatehuolto", "jatteet")), Map.of(), Set.of())).isEmpty();
  }

  @Test
  void atMostThreeQuestionsAreAsked() {
    List<ClarifyingQuestion> q = ranker.rank(
        List.of(possible("a", "alkoholi"), possible("b", "tyontekija"), possible("c", "uudisrakennus"),
            possible("d", "melu")),
        Map.of(), Set.of());

    assertThat(q).hasSize(QuestionRanker.MAX_QUESTIONS).extracting(ClarifyingQuestion::concept)
        .containsExactly("alkoholi", "melu", "tyontekija");
  }
}
