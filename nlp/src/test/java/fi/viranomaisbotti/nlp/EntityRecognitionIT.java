package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quantities, numerals as words, business forms, ages and dates in real inflected Finnish. */
class EntityRecognitionIT {
  private final FinnishAnalyser analyser = AnalyserFixture.analyser();

  private List<Entity> entities(String text, String type) {
    return analyser.analyse(text).entities().stream().filter(e -> e.type().equals(type)).toList();
  }

  private Entity only(String text, String type) {
    List<Entity> found = entities(text, type);
    assertThat(found).as(text).hasSize(1);
    return found.get(0);
  }

  @Test
  void personalDataIsNoAmountAndIsShownOnlyAsItsPlaceholder() {
    String text = "Hetuni on 131052-308T ja puhelin 040 1234567. Tilalla on 300 lihasikaa.";
    AnalysedText read = analyser.analyse(text);
    assertThat(read.entities()).filteredOn(e -> e.type().equals(Entity.QUANTITY))
        .extracting(Entity::text).as("the identity code and the phone number were read as amounts").containsExactly("300 lihasikaa");
    assertThat(read.personalData()).hasSize(2);
    AnalysedText shown = read.withoutPersonalData();
    String words = shown.tokens().stream().map(t -> t.text() + " " + t.lemma()).reduce("", String::concat)
        + shown.sentences().get(0).text();
    assertThat(words).doesNotContain("131052", "308T", "1234567").contains("lihasikaa");
    assertThat(shown.sentences().get(0).text()).isEqualTo(read.maskedText().substring(0, shown.sentences().get(0).text().length()));
    assertThat(shown.tokens()).extracting(Token::start).isEqualTo(read.tokens().stream().map(Token::start).toList());
    assertThat(shown.concepts()).isEqualTo(read.concepts());
  }

  @Test
  void numeralsWrittenAsWordsBecomeQuantitiesWithTheUnitsBaseForm() {
    Entity e = only("Aion palkata kaksi työntekijää ensi keväänä.", Entity.QUANTITY);
    assertThat(e.value()).isEqualTo("2");
    assertThat(e.attribute("unit")).isEqualTo("työntekijä");
    assertThat(e.text()).isEqualTo("kaksi työntekijää");
  }

  @Test
  void inflectedNumeralsAreReadFromTheirBaseForm() {
    assertThat(only("Maksan palkkaa kahdelle kesätyöntekijälle.", Entity.QUANTITY))
        .extracting(Entity::value, e -> e.attribute("unit"))
        .containsExactly("2", "kesätyöntekijä");
    assertThat(only("Pärjään viidellä hengellä.", Entity.QUANTITY).value()).isEqualTo("5");
    assertThat(only("Tilalla on kaksikymmentäviisi lypsylehmää.", Entity.QUANTITY).value()).isEqualTo("25");
    assertThat(only("Navettaan mahtuu kolmesataa nautaa.", Entity.QUANTITY).value()).isEqualTo("300");
  }

  @Test
  void approximateAndBoundedNumbersKeepTheirQualifier() {
    Entity approx = only("Tapahtumaan tulee noin 3000 kävijää.", Entity.QUANTITY);
    assertThat(approx.value()).isEqualTo("3000");
    assertThat(approx.attribute("unit")).isEqualTo("kävijä");
    assertThat(approx.attribute("approximate")).isEqualTo("true");
    assertThat(only("Yli 50 asiakaspaikkaa.", Entity.QUANTITY).attribute("bound")).isEqualTo("min");
    assertThat(only("Myymälä on alle 400 neliötä.", Entity.QUANTITY).attribute("bound")).isEqualTo("max");
  }

  @Test
  void digitsWithUnitsAndThousandsSeparators() {
    assertThat(only("Rakennan sikalan, jossa on 600 sikapaikkaa.", Entity.QUANTITY))
        .extracting(Entity::value, e -> e.attribute("unit"))
        .containsExactly("600", "sikapaikka");
    assertThat(only("Liikevaihto on 10 000 euroa.", Entity.QUANTITY).value()).isEqualTo("10000");
    assertThat(only("Peltoa on 1,5 hehtaaria.", Entity.QUANTITY).value()).isEqualTo("1.5");
    assertThat(only("Investointi on 250 000 €.", Entity.QUANTITY).attribute("unit")).isEqualTo("euro");
  }

  @Test
  void businessFormsAreNormalisedToTheirCode() {
    assertThat(only("Perustan toiminimen.", Entity.BUSINESS_FORM).value()).isEqualTo("tmi");
    assertThat(only("Mulla on tmi jo valmiina.", Entity.BUSINESS_FORM).value()).isEqualTo("tmi");
    assertThat(only("Meidän Oy:n kautta laskutetaan.", Entity.BUSINESS_FORM).value()).isEqualTo("oy");
    assertThat(entities("Perustetaanko osakeyhtiö vai avoin yhtiö?", Entity.BUSINESS_FORM))
        .extracting(Entity::value).containsExactly("oy", "ay");
    assertThat(only("Toimimme kommandiittiyhtiönä.", Entity.BUSINESS_FORM).value()).isEqualTo("ky");
    assertThat(only("Olemme osuuskunnassa mukana.", Entity.BUSINESS_FORM).value()).isEqualTo("osk");
  }

  @Test
  void agesFromTheHyphenatedAdjectiveAndFromPlainOlen() {
    assertThat(only("Olen 26-vuotias maatalousopiskelija.", Entity.AGE).value()).isEqualTo("26");
    assertThat(only("olen 26 ja haluan oman tilan", Entity.AGE).value()).isEqualTo("26");
    assertThat(only("Oon 19 vuotta vanha.", Entity.AGE).value()).isEqualTo("19");
    assertThat(entities("Tilalla on 26 lehmää.", Entity.AGE)).isEmpty();
  }

  @Test
  void datesAndSeasonsAreResolvedAgainstTheClock() {
    // The fixture's clock stands on 22 November 2026.
    assertThat(only("Haluan avata kahvilan ensi kesänä.", Entity.DATE))
        .extracting(Entity::value, Entity::text)
        .containsExactly("2027-06-01/2027-08-31", "ensi kesänä");
    assertThat(only("Aloitan 1.6.2027.", Entity.DATE).value()).isEqualTo("2027-06-01");
    assertThat(only("Avaamme kesäkuussa.", Entity.DATE).value()).isEqualTo("2027-06-01/2027-06-30");
    assertThat(only("Toiminta alkaa ensi vuonna.", Entity.DATE).value()).isEqualTo("2027-01-01/2027-12-31");
    assertThat(only("Tänä vuonna ei ehdi.", Entity.DATE).value()).isEqualTo("2026-01-01/2026-12-31");
    assertThat(only("Talvella on hiljaista.", Entity.DATE).value()).isEqualTo("2026-12-01/2027-02-28");
    assertThat(only("Rakennamme joulukuussa.", Entity.DATE).value()).isEqualTo("2026-12-01/2026-12-31");
    assertThat(only("Laajennus vuonna 2028.", Entity.DATE).value()).isEqualTo("2028-01-01/2028-12-31");
  }

  @Test
  void aMunicipalityWrittenInLowerCaseIsReadWhenItCanOnlyBeTheName() {
    assertThat(only("Avaan kahvilan tampereelle.", Entity.MUNICIPALITY).label()).isEqualTo("Tampere");
    assertThat(only("Muutan ouluun ensi kuussa.", Entity.MUNICIPALITY).label()).isEqualTo("Oulu");
    // also common nouns: a bay, drills, a forest
    assertThat(entities("Ajoin autolla lahteen.", Entity.MUNICIPALITY)).isEmpty();
    assertThat(entities("Ostin kaupan poriin terät.", Entity.MUNICIPALITY)).isEmpty();
    assertThat(entities("Kävelin saloon.", Entity.MUNICIPALITY)).isEmpty();
  }

  @Test
  void municipalitiesStillWorkBesideTheNewEntities() {
    AnalysedText a = analyser.analyse("Perustan Seinäjoella osakeyhtiön ja palkkaan kolme työntekijää keväällä.");
    assertThat(a.entities()).extracting(Entity::type)
        .containsExactly(Entity.MUNICIPALITY, Entity.BUSINESS_FORM, Entity.QUANTITY, Entity.DATE);
  }
}
