package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.Handling;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NavigatorIT {
  static final String LIISA =
      "Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan, jossa on sikala, ja tilan yhteyteen"
          + " ravintolan, jossa myydään omista sioista tehtyä luomumakkaraa.";

  private final Navigator navigator = NavigatorFixture.NAVIGATOR;

  private static List<String> ids(List<Item> items) {
    return items.stream().map(Item::id).toList();
  }

  private static Item obligation(Recommendation r, String id) {
    return r.obligations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void liisasStoryYieldsTheFarmTheRestaurantAndTheCompany() {
    Recommendation r = navigator.recommend(LIISA, Map.of());
    assertThat(ids(r.lifeEvents()))
        .contains("kotielaintuotanto", "luomutuotanto", "ravintolan-perustaminen", "yrityksen-perustaminen", "maatalousyrittajyys");
    assertThat(ids(r.obligations()))
        .contains(
            "yrityksen-rekisterointi", "ennakkoperintarekisteri", "alv-rekisteri", "elaintenpitajarekisteri",
            "luomuvalvonta", "rakentamislupa", "elintarvikehuoneisto-ilmoitus", "ymparistolupa-elainsuoja", "myel-vakuutus");
    assertThat(ids(r.actors())).contains("prh", "verohallinto", "mela", "elinvoimakeskus");
    assertThat(ids(r.services())).contains("teurastuspalvelu");
    assertThat(r.obligations()).allSatisfy(o -> assertThat(o.why()).isNotBlank());
    assertThat(r.eventSignals()).isNotEmpty().allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
    assertThat(r.eventSignals()).extracting(fi.viranomaisbotti.nlp.EventSignal::event)
        .containsAnyOf("kotielaintuotanto", "ravintolan-perustaminen", "luomutuotanto", "maatalousyrittajyys");
  }

  @Test
  void everyItemNamesTheWordsThatTriggeredIt() {
    Recommendation r = navigator.recommend(LIISA, Map.of());
    Item keeper = obligation(r, "elaintenpitajarekisteri");
    assertThat(keeper.certainty()).isEqualTo("needed");
    assertThat(keeper.why()).contains("sikala");
    assertThat(keeper.reasons()).extracting(Explained::rule).contains("velvoite-elaintenpitaja");
    assertThat(keeper.actorName()).isEqualTo("Kunnan maaseutuelinkeinoviranomainen");
  }

  @Test
  void uncertainItemsAreAskedAboutAndAnswersSettleThem() {
    Recommendation r = navigator.recommend(LIISA, Map.of());
    Item alcohol = obligation(r, "anniskelulupa");
    assertThat(alcohol.certainty()).isEqualTo("possible");
    assertThat(alcohol.dependsOn()).containsExactly("alkoholi");
    assertThat(r.questions()).hasSizeLessThanOrEqualTo(3);
    assertThat(r.questions()).extracting(Recommendation.ClarifyingQuestion::concept).contains("tyontekija");

    Recommendation no = navigator.recommend(LIISA, Map.of("alkoholi", false));
    assertThat(ids(no.obligations())).doesNotContain("anniskelulupa");
    assertThat(no.questions()).extracting(Recommendation.ClarifyingQuestion::concept).doesNotContain("alkoholi");

    Recommendation yes = navigator.recommend(LIISA, Map.of("alkoholi", "kyllä"));
    assertThat(yes.obligations()).filteredOn(o -> o.id().equals("anniskelulupa")).extracting(Item::certainty).containsExactly("needed");
  }

  @Test
  void neededItemsSayWhichStatedFactWouldMakeThemUnnecessary() {
    Recommendation r = navigator.recommend("Perustan pubin, jossa myydään olutta.", Map.of());
    Item licence = obligation(r, "anniskelulupa");
    assertThat(licence.certainty()).isEqualTo("needed");
    assertThat(licence.counterfactual()).isEqualTo("Ei tarvita, jos alkoholi ei koske tilannettasi.");
    Item premises = obligation(r, "elintarvikehuoneisto-ilmoitus");
    assertThat(premises.counterfactual()).contains("ravintola tai kahvila");
  }

  @Test
  void aNumberAnswerSettlesAThresholdAndItsQuestionIsAskedUntilThen() {
    Recommendation open = navigator.recommend("Järjestämme kylätapahtuman.", Map.of());
    assertThat(open.obligations()).filteredOn(o -> o.id().equals("yleisotilaisuuden-pelastussuunnitelma"))
        .singleElement().satisfies(o -> assertThat(o.dependsOn()).containsExactly("yleisomaara"));
    Recommendation later = navigator.recommend("Järjestämme kylätapahtuman.",
        Map.of("alkoholi", false, "tapahtuma-melu", false, "tapahtuma-ruokamyynti", false));
    assertThat(later.questions()).extracting(Recommendation.ClarifyingQuestion::concept, Recommendation.ClarifyingQuestion::type)
        .contains(org.assertj.core.groups.Tuple.tuple("yleisomaara", "NUMBER"));
    Recommendation big = navigator.recommend("Järjestämme kylätapahtuman.", Map.of("yleisomaara", 350));
    assertThat(big.obligations()).filteredOn(o -> o.id().equals("yleisotilaisuuden-pelastussuunnitelma"))
        .extracting(Item::certainty).containsExactly("needed");
    assertThat(big.questions()).extracting(Recommendation.ClarifyingQuestion::concept).doesNotContain("yleisomaara");
    assertThat(big.factSources()).extracting(Recommendation.Fact::value).contains(350.0);
    Recommendation small = navigator.recommend("Järjestämme kylätapahtuman.", Map.of("yleisomaara", 120));
    assertThat(small.obligations()).extracting(Item::id).doesNotContain("yleisotilaisuuden-pelastussuunnitelma");
    assertThatThrownBy(() -> navigator.recommend("Järjestämme kylätapahtuman.", Map.of("yleisomaara", -5)))
        .isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> navigator.recommend("Järjestämme kylätapahtuman.", Map.of("yleisomaara", true)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("is a number");
    assertThatThrownBy(() -> navigator.recommend("Avaan kahvilan.", Map.of("alkoholi", 2000)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("yes/no");
  }

  @Test
  void aNumberWithItsUnitInTheTextIsAQuantity() {
    Recommendation r = navigator.recommend("Järjestän ulkoilmakonsertin, paikalle tulee noin 2000 ihmistä.", Map.of());
    assertThat(r.obligations()).filteredOn(o -> o.id().equals("yleisotilaisuuden-pelastussuunnitelma"))
        .extracting(Item::certainty).containsExactly("needed");
    assertThat(r.factSources()).anySatisfy(f -> {
      assertThat(f.concept()).isEqualTo("yleisomaara");
      assertThat(f.value()).isEqualTo(2000.0);
      assertThat(f.provenance()).isEqualTo("stated");
    });
  }

  @Test
  void aSumOfEurosCountsForTheConceptItsSentenceNames() {
    Recommendation above = navigator.recommend("Perustan toiminimen. Arvioin liikevaihdoksi 30 000 €.", Map.of());
    assertThat(above.factSources()).filteredOn(f -> f.concept().equals("liikevaihto"))
        .extracting(Recommendation.Fact::value).containsExactly(30000.0);
    assertThat(above.obligations()).filteredOn(o -> o.id().equals("alv-rekisteri"))
        .extracting(Item::certainty).containsExactly("needed");
    Recommendation below = navigator.recommend("Perustan toiminimen. Liikevaihto on noin 15 000 euroa vuodessa.", Map.of());
    assertThat(below.factSources()).filteredOn(f -> f.concept().equals("liikevaihto"))
        .extracting(Recommendation.Fact::value).containsExactly(15000.0);
    assertThat(below.obligations()).filteredOn(o -> o.id().equals("alv-rekisteri"))
        .extracting(Item::certainty).doesNotContain("needed");
    // Turnover named without a sum leaves it open (QuestionRankerTest: its number question is still asked).
    Recommendation unsized = navigator.recommend("Perustan toiminimen. Liikevaihtoa tulee varmasti.", Map.of());
    assertThat(unsized.factSources()).filteredOn(f -> f.concept().equals("liikevaihto")).extracting(Recommendation.Fact::value).containsExactly(true);
    assertThat(unsized.obligations()).filteredOn(o -> o.id().equals("alv-rekisteri")).extracting(Item::certainty).containsExactly("possible");
    // Euros alone name no concept: a machine's price is not the turnover, nor the YEL income.
    Recommendation price = navigator.recommend("Perustan toiminimen. Ostan koneen 30 000 eurolla.", Map.of());
    assertThat(price.factSources()).extracting(Recommendation.Fact::concept).doesNotContain("liikevaihto", "yel-tyotulo");
  }

  @Test
  void factsKeepTheirProvenance() {
    Recommendation r = navigator.recommend("Avaan kahvilan enkä myy alkoholia.", Map.of("tyontekija", true));
    assertThat(r.factSources()).extracting(Recommendation.Fact::concept, Recommendation.Fact::value, Recommendation.Fact::provenance)
        .contains(
            org.assertj.core.groups.Tuple.tuple("ravintola", true, "stated"),
            org.assertj.core.groups.Tuple.tuple("alkoholi", false, "stated"),
            org.assertj.core.groups.Tuple.tuple("tyontekija", true, "answered"));
  }

  @Test
  void aCafeStoryGetsNoneOfTheFarmItems() {
    Recommendation r = navigator.recommend("Haluan perustaa pienen kahvilan Tampereen keskustaan.", Map.of());
    assertThat(ids(r.obligations())).contains("yrityksen-rekisterointi", "elintarvikehuoneisto-ilmoitus", "yel-vakuutus");
    assertThat(ids(r.obligations()))
        .doesNotContain("elaintenpitajarekisteri", "luomuvalvonta", "myel-vakuutus", "ymparistolupa-elainsuoja");
    assertThat(ids(r.lifeEvents())).doesNotContain("kotielaintuotanto", "maatalousyrittajyys");
  }

  @Test
  void negatedHiringGivesNoEmployerObligations() {
    Recommendation r = navigator.recommend("Avaan kahvilan. En aio palkata ketään enkä myy alkoholia.", Map.of());
    assertThat(ids(r.obligations())).doesNotContain("tyonantajarekisteri", "tyel-vakuutus", "tapaturmavakuutus", "anniskelulupa");
    assertThat(r.facts()).containsEntry("tyontekija", false).containsEntry("alkoholi", false);
    assertThat(r.questions()).extracting(Recommendation.ClarifyingQuestion::concept).doesNotContain("tyontekija", "alkoholi");
  }

  @Test
  void aLaterSentenceCorrectsAnEarlierOne() {
    Recommendation r = navigator.recommend("Haluan perustaa kahvilan.\nAion palkata työntekijän.\nItse asiassa en palkkaakaan ketään.", Map.of());
    assertThat(r.facts()).containsEntry("tyontekija", false);
    assertThat(r.obligations()).extracting(Item::id).doesNotContain("tyonantajarekisteri");
  }

  @Test
  void storiesItCannotPlaceGetANoticeNotAnEmptyAnswer() {
    assertThat(navigator.recommend("Mitä kuuluu?", Map.of()).notices()).anyMatch(n -> n.startsWith("En tunnistanut"));
    assertThat(navigator.recommend("Jag vill öppna ett kafé i Vasa.", Map.of()).notices()).anyMatch(n -> n.contains("finska"));
  }

  @Test
  void conditionalsAndNotYetAreAskedAboutNotTakenAsFacts() {
    Recommendation conditional = navigator.recommend("Avaan kahvilan. Jos palkkaan työntekijän, mitä tarvitsen?", Map.of());
    assertThat(conditional.facts()).doesNotContainKey("tyontekija");
    assertThat(conditional.obligations()).filteredOn(o -> o.id().equals("tyonantajarekisteri"))
        .extracting(Item::certainty).containsExactly("possible");
    Recommendation notYet = navigator.recommend("Avaan kahvilan. En vielä palkkaa ketään.", Map.of());
    assertThat(notYet.facts()).doesNotContainKey("tyontekija");
    Recommendation never = navigator.recommend("Avaan kahvilan. En palkkaa ketään.", Map.of());
    assertThat(never.facts()).containsEntry("tyontekija", false);
  }

  @Test
  void aConditionOrAQuestionAloneGivesAPossiblePlanAndItsQuestion() {
    Recommendation conditional = navigator.recommend("Jos palkkaan työntekijän, mitä pitää tehdä?", Map.of());
    assertThat(conditional.lifeEvents()).extracting(Item::id, Item::certainty)
        .contains(org.assertj.core.groups.Tuple.tuple("tyontekijan-palkkaaminen", "possible"));
    assertThat(conditional.obligations()).isNotEmpty().allSatisfy(o -> assertThat(o.certainty()).isEqualTo("possible"));
    assertThat(conditional.questions()).extracting(Recommendation.ClarifyingQuestion::concept).contains("tyontekija");
    Recommendation question = navigator.recommend("Tarvitsenko anniskeluluvan?", Map.of());
    assertThat(question.obligations()).extracting(Item::id, Item::certainty)
        .contains(org.assertj.core.groups.Tuple.tuple("anniskelulupa", "possible"));
    assertThat(question.facts()).doesNotContainKey("alkoholi");
  }

  @Test
  void whatTheCustomerHasAlreadyIsNotFoundedAgain() {
    Recommendation r = navigator.recommend("Minulla on jo kahvila ja toiminimi. Aion palkata työntekijän.", Map.of());
    assertThat(ids(r.obligations()))
        .doesNotContain("yrityksen-rekisterointi", "elintarvikehuoneisto-ilmoitus")
        .contains("tyonantajarekisteri");
    Recommendation newCafe = navigator.recommend("Minulla on jo toiminimi, ja nyt avaan kahvilan.", Map.of());
    assertThat(ids(newCafe.obligations())).contains("elintarvikehuoneisto-ilmoitus").doesNotContain("yrityksen-rekisterointi");
  }

  @Test
  void formerAuthoritiesAreExplainedByTheOnesThatTookOver() {
    Recommendation r = navigator.recommend("Avaan kahvilan. Pitääkö AVI:lta hakea jotain tai ilmoittaa ELY-keskukseen?", Map.of());
    assertThat(r.notices()).anySatisfy(n -> assertThat(n).contains("AVI:lta", "Aluehallintovirasto", "31.12.2025", "Lupa- ja valvontavirasto"));
    assertThat(r.notices()).anySatisfy(n -> assertThat(n).contains("ELY-keskukseen", "Elinvoimakeskus"));
    assertThat(navigator.recommend("Avaan kahvilan.", Map.of()).notices()).noneMatch(n -> n.contains("toimi"));
  }

  @Test
  void theRadioIsMusic() {
    Recommendation r = navigator.recommend("Avaan kahvilan. Kahvilassa soi radio.", Map.of());
    assertThat(r.facts()).containsEntry("musiikki", true);
    assertThat(r.questions()).extracting(Recommendation.ClarifyingQuestion::concept).doesNotContain("musiikki");
  }

  @Test
  void planPutsPrerequisitesFirst() {
    Recommendation r = navigator.recommend("Perustan kahvilan ja palkkaan kaksi työntekijää.", Map.of());
    List<String> order = r.plan().stream().map(Recommendation.PlanStep::id).toList();
    assertThat(order).contains("yrityksen-rekisterointi", "tyonantajarekisteri", "elintarvikehuoneisto-ilmoitus", "omavalvontasuunnitelma");
    assertThat(order.indexOf("yrityksen-rekisterointi")).isLessThan(order.indexOf("tyonantajarekisteri"));
    assertThat(order.indexOf("elintarvikehuoneisto-ilmoitus")).isLessThan(order.indexOf("omavalvontasuunnitelma"));
    assertThat(r.plan()).extracting(Recommendation.PlanStep::order).startsWith(1, 2, 3);
  }

  @Test
  void theMunicipalityNamesTheRegionalUnitsThatServeIt() {
    Recommendation r = navigator.recommend("Perustan Seinäjoella luomutilan, jossa on sikala.", Map.of());
    assertThat(r.municipality().name()).isEqualTo("Seinäjoki");
    assertThat(r.municipality().source()).isEqualTo("stated");
    assertThat(r.actors()).extracting(Item::name).contains("Etelä-Pohjanmaan elinvoimakeskus");
    assertThat(r.obligations()).filteredOn(o -> o.id().equals("elaintenpitajarekisteri"))
        .extracting(Item::actorName).containsExactly("Kunnan maaseutuelinkeinoviranomainen (Seinäjoki)");

    Recommendation answered = navigator.recommend("Perustan kahvilan.", Map.of("kunta", "091"));
    assertThat(answered.municipality().name()).isEqualTo("Helsinki");
    assertThat(answered.municipality().source()).isEqualTo("answered");
    assertThat(answered.notices()).noneMatch(n -> n.contains("Ahvenanmaa"));
  }

  @Test
  void alandGetsANoticeAboutItsOwnLegislation() {
    Recommendation r = navigator.recommend("Perustan kahvilan Maarianhaminaan.", Map.of());
    assertThat(r.municipality().name()).isEqualTo("Maarianhamina");
    assertThat(r.notices()).anyMatch(n -> n.contains("Ahvenanmaa"));
  }

  @Test
  void unknownFactsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> navigator.recommend(LIISA, Map.of("kunta", "Atlantis")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Atlantis");
    assertThatThrownBy(() -> navigator.recommend(LIISA, Map.of("lentokone", true)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("lentokone");
    assertThatThrownBy(() -> navigator.recommend(LIISA, Map.of("alkoholi", "ehkä")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("alkoholi");
  }

  @Test
  void answerSearchFindsInflectedQueries() {
    var hits = navigator.searchAnswers("anniskeluluvan hakeminen", fi.viranomaisbotti.knowledge.Audience.CITIZEN, 5);
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).related()).contains("anniskelulupa");
    assertThat(hits.get(0).officialNotes()).isNull();
  }
}
