package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reading rules of the text pipeline, each with real inflected Finnish through the real
 * morphology and the corpus vocabulary: a pronoun or a gap inside a phrase, an unknown word the
 * vocabulary lists as written, a finite verb before an infinitive, and the case of a place word
 * that tells where goods come from or go to.
 */
class ReadingRulesIT {
  private final FinnishAnalyser analyser = AnalyserFixture.analyser();

  private List<String> concepts(String text) {
    return analyser.analyse(text).concepts().stream().filter(c -> !c.negated()).map(ConceptMention::concept).toList();
  }

  private String lemmaOf(String text, String word) {
    return analyser.analyse(text).sentences().stream()
        .flatMap(s -> s.tokens().stream())
        .filter(t -> t.text().equals(word))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No token '" + word + "' in: " + text))
        .lemma();
  }

  @Test
  void aPronounMayStandBetweenTheWordsOfAPhrase() {
    assertThat(concepts("Alan myydä niitä netissä.")).contains("verkkokauppa-toiminta");
    assertThat(concepts("Tuotteet tulevat varastoon ja myyn ne netissä.")).contains("verkkokauppa-toiminta");
  }

  @Test
  void aNounBetweenTheWordsOfAPhraseWithoutAGapBreaksIt() {
    // "myydä netti" has no gap: a noun between the words is not the pronoun the rule lets in.
    assertThat(concepts("Myyn kirppiksellä ja luen netissä uutisia.")).doesNotContain("verkkokauppa-toiminta");
  }

  @Test
  void aGapInAPhraseLetsUpToThreeWordsStandThere() {
    assertThat(concepts("Alan tuoda vaatteita Kiinasta.")).contains("maahantuonti");
    assertThat(concepts("Tuon kesällä vähän vaatteita Saksasta.")).contains("maahantuonti");
    assertThat(concepts("Myyn ravintolassa olutta myös mukaan.")).contains("alkoholi-vahittaismyynti");
  }

  @Test
  void aGapDoesNotReachMoreThanThreeWords() {
    assertThat(concepts("Tuon aamulla lapset ja koiran mummolaan, joka on Saksassa.")).doesNotContain("maahantuonti");
  }

  @Test
  void aMunicipalityStandsWhereAPhraseWritesKunta() {
    assertThat(concepts("Muutan Tampereelta Ouluun.")).contains("muutto");
    assertThat(concepts("Muutan ensi kuussa Seinäjoelle.")).contains("muutto");
    assertThat(concepts("Muutan suunnitelmaa huomenna.")).doesNotContain("muutto");
  }

  @Test
  void bringingAloneIsNoImport() {
    assertThat(concepts("Tuon lapset päiväkotiin.")).doesNotContain("maahantuonti");
    assertThat(concepts("Tuon kahvia toimistolle.")).doesNotContain("maahantuonti");
  }

  @Test
  void anUnknownWordListedAsWrittenMeansItsConcept() {
    // Voikko does not know "eläinlääkis"; the vocabulary lists it as written.
    assertThat(AnalyserFixture.morphology().analyse("eläinlääkis")).isEmpty();
    assertThat(concepts("Mä oon eläinlääkis")).contains("elainlaakarin-ammatti");
  }

  @Test
  void aFiniteVerbBeforeAnInfinitiveIsThatVerb() {
    assertThat(lemmaOf("Alan tuoda vaatteita Kiinasta.", "Alan")).isEqualTo("alkaa");
    assertThat(lemmaOf("Alan myymään käsitöitä.", "Alan")).isEqualTo("alkaa");
    assertThat(lemmaOf("Alan yrittäjät kokoontuvat.", "Alan")).isEqualTo("ala");
  }

  @Test
  void aGenitivePronounTheNextNounDoesNotAgreeWithIsAVerb() {
    assertThat(lemmaOf("Tuon vaatteita Kiinasta.", "Tuon")).isEqualTo("tuoda");
    assertThat(lemmaOf("Tuon talon katto vuotaa.", "Tuon")).isEqualTo("tuo");
    assertThat(lemmaOf("Tuon takia en tullut.", "Tuon")).isEqualTo("tuo");
  }

  @Test
  void aPlaceWordInACaseOfComingFromIsASourceNotADestination() {
    List<String> from = concepts("Tuon vaatteita Kiinasta.");
    assertThat(from).contains("tuonti-eu-ulkopuolelta").doesNotContain("vienti-eu-ulkopuolelle");
    List<String> to = concepts("Vien puutavaraa Kiinaan.");
    assertThat(to).contains("vienti-eu-ulkopuolelle").doesNotContain("tuonti-eu-ulkopuolelta");
    assertThat(concepts("Tuon tavaraa EU:n ulkopuolelta.")).contains("tuonti-eu-ulkopuolelta").doesNotContain("vienti-eu-ulkopuolelle");
  }

  @Test
  void aPlaceWordInTheNominativeMayBeEither() {
    assertThat(concepts("Kiina on tärkeä kauppakumppani.")).contains("tuonti-eu-ulkopuolelta", "vienti-eu-ulkopuolelle");
  }
}
