package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the analyser on real libvoikko with the corpus vocabulary. */
class FinnishAnalyserIT {
  private static Morphology morphology;
  private static FinnishAnalyser analyser;

  @BeforeAll
  static void openVoikko() {
    morphology = Morphology.voikko(2);
    var snapshot = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", FinnishAnalyserIT.class.getClassLoader()));
    analyser = new FinnishAnalyser(
        morphology, Vocabulary.of(snapshot.concepts().values(), snapshot.municipalities().values()));
  }

  @AfterAll
  static void close() {
    morphology.close();
  }

  private static Token token(AnalysedText a, String text) {
    return a.tokens().stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow();
  }

  @Test
  void lemmatisesInflectedWordsAndSplitsCompounds() {
    AnalysedText a = analyser.analyse("Haluan myydä omista sioista tehtyä luomumakkaraa lihasikalan vieressä.");
    assertThat(token(a, "sioista").lemma()).isEqualTo("sika");
    assertThat(token(a, "luomumakkaraa").lemma()).isEqualTo("luomumakkara");
    assertThat(token(a, "luomumakkaraa").compoundParts()).containsExactly("luomu", "makkara");
    assertThat(token(a, "lihasikalan").compoundParts()).containsExactly("liha", "sikala");
    assertThat(token(a, "sioista").pos()).isEqualTo("NOUN");
  }

  @Test
  void compoundPartsFollowTheDictionaryNotEveryStemVoikkoJoins() {
    AnalysedText a = analyser.analyse(
        "Tapaturmavakuutus koskee maatalousyrittäjää, elintarvikehuoneistoa ja ympäristölupaa rautatieasemalla.");
    assertThat(token(a, "Tapaturmavakuutus").compoundParts()).containsExactly("tapaturma", "vakuutus");
    assertThat(token(a, "maatalousyrittäjää").compoundParts()).containsExactly("maatalous", "yrittäjä");
    assertThat(token(a, "elintarvikehuoneistoa").compoundParts()).containsExactly("elintarvike", "huoneisto");
    assertThat(token(a, "ympäristölupaa").compoundParts()).containsExactly("ympäristö", "lupa");
    assertThat(token(a, "rautatieasemalla").compoundParts()).containsExactly("rautatie", "asema");
  }

  @Test
  void indexFormsReadAbbreviationsInflectedAfterAColonAndDoNotSplitDerivations() {
    assertThat(analyser.indexForms("YTJ:ssä").all()).contains("ytj");
    assertThat(analyser.indexForms("YEL:n").all()).contains("yel");
    assertThat(analyser.indexForms("myynnin").all()).contains("myynti").doesNotContain("nti");
    assertThat(analyser.indexForms("makkaranmyynti").all()).contains("makkara", "myynti").doesNotContain("nmyynti");
    assertThat(analyser.indexForms("klo:12:00").whole()).doesNotContain("klo");
    WordForms permit = analyser.indexForms("vähittäismyyntiluvan");
    assertThat(permit.written()).isEqualTo("vähittäismyyntiluvan");
    assertThat(permit.whole()).contains("vähittäismyyntilupa").doesNotContain("lupa");
    assertThat(permit.parts()).contains("lupa").doesNotContain("vähittäismyyntilupa");
  }

  @Test
  void findsConceptsThroughInflectionAndCompoundParts() {
    AnalysedText a = analyser.analyse("Perustan luomutilan, jossa on lihasikala ja tilan yhteydessä ravintolan.");
    assertThat(a.concepts()).extracting(ConceptMention::concept).contains("luomu", "maatila", "sika", "elainsuoja", "ravintola", "perustaminen");
    assertThat(a.concepts()).noneMatch(ConceptMention::negated);
  }

  @Test
  void negationCoversItsClauseOnly() {
    AnalysedText a = analyser.analyse("En aio palkata työntekijöitä enkä myy alkoholia, mutta avaan kahvilan.");
    assertThat(a.concepts()).filteredOn(c -> c.concept().equals("tyontekija")).allMatch(ConceptMention::negated).isNotEmpty();
    assertThat(a.concepts()).filteredOn(c -> c.concept().equals("alkoholi")).allMatch(ConceptMention::negated).isNotEmpty();
    assertThat(a.concepts()).filteredOn(c -> c.concept().equals("ravintola")).noneMatch(ConceptMention::negated).isNotEmpty();
  }

  @Test
  void correctsMissingDiacritics() {
    AnalysedText a = analyser.analyse("Tarvitsenko ymparistoluvan sikalalle?");
    Token t = token(a, "ymparistoluvan");
    assertThat(t.lemma()).isEqualTo("ympäristölupa");
    assertThat(t.correctedFrom()).isEqualTo("ymparistoluvan");
    assertThat(a.sentences().get(0).question()).isTrue();
  }

  @Test
  void capitalisedPlaceNameInsideASentenceIsAProperNoun() {
    AnalysedText a = analyser.analyse("Tila on Seinäjoella.");
    assertThat(token(a, "Seinäjoella").lemma()).isEqualTo("Seinäjoki");
    assertThat(token(a, "Seinäjoella").pos()).isEqualTo("PROPN");
  }

  @Test
  void findsMunicipalitiesInAnyInflectedForm() {
    for (var example : java.util.Map.of(
            "Tila on Seinäjoella.", "743",
            "Muutan Kokkolassa uuteen paikkaan.", "272",
            "Avaan kahvilan Porvoossa.", "638",
            "Muutin pois Helsingistä.", "091",
            "Meillä on mökki Mänttä-Vilppulassa.", "508")
        .entrySet()) {
      AnalysedText a = analyser.analyse(example.getKey());
      assertThat(a.entities()).as(example.getKey()).extracting(Entity::value).containsExactly(example.getValue());
    }
  }

  @Test
  void ordinaryCapitalisedWordsAreNotMunicipalities() {
    assertThat(analyser.analyse("Haluan perustaa Kahvilan Tampereen seudulle.").entities())
        .extracting(Entity::label).containsExactly("Tampere");
  }

  @Test
  void tellsFinnishFromSwedishAndEnglish() {
    assertThat(analyser.analyse("Haluan perustaa kahvilan Tampereelle.").language()).isEqualTo("fi");
    assertThat(analyser.analyse("Jag vill starta ett kafé i Vasa.").language()).isEqualTo("sv");
    assertThat(analyser.analyse("I want to open a café in Helsinki.").language()).isEqualTo("en");
  }

  @Test
  void masksPersonalDataInTheStoredCopy() {
    AnalysedText a = analyser.analyse("Hetuni on 131052-308T ja puhelin 040 123 4567.");
    assertThat(a.maskedText()).doesNotContain("131052-308T").doesNotContain("123 4567");
  }

  @Test
  void concurrentUseGivesTheSameResultsAsSequentialUse() throws Exception {
    String text = "Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan, jossa on sikala.";
    List<String> expected = analyser.analyse(text).tokens().stream().map(Token::lemma).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> analyser.analyse(text).tokens().stream().map(Token::lemma).toList()));
      }
      for (Future<List<String>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
