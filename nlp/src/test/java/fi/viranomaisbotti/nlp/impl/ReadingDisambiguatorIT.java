package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.LocalizedText;
import fi.viranomaisbotti.knowledge.Meta;
import fi.viranomaisbotti.knowledge.Status;
import fi.viranomaisbotti.nlp.ConceptMention;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.LemmaStyle;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled lemma model on real libvoikko, on a handful of real sentences. */
class ReadingDisambiguatorIT {
  private static VoikkoMorphology morphology;
  private static ReadingDisambiguator chat;
  private static ReadingDisambiguator ud;
  private static Vocabulary vocabulary;

  @BeforeAll
  static void openVoikko() {
    morphology = VoikkoMorphology.open(1);
    Meta meta = new Meta("Laki Kansaneläkelaitoksesta 731/2001", "testi", LocalDate.of(2026, 11, 22), Status.REVIEWED);
    vocabulary = Vocabulary.of(List.of(
        new Concept("kela", LocalizedText.fi("Kela"), List.of("kela"), meta),
        new Concept("yritysneuvonta", LocalizedText.fi("yritysneuvonta"), List.of("yritysneuvoja", "neuvoja"), meta)));
    chat = new ReadingDisambiguator(morphology, vocabulary, LemmaModel.bundled(), LemmaStyle.READING);
    ud = new ReadingDisambiguator(morphology, vocabulary, LemmaModel.bundled(), LemmaStyle.UNIVERSAL_DEPENDENCIES);
  }

  @AfterAll
  static void close() {
    morphology.close();
  }

  private static Reading word(ReadingDisambiguator d, String sentence, String word) {
    List<String> words = Arrays.asList(sentence.split(" "));
    return d.read(words).get(words.indexOf(word));
  }

  @Test
  void aCapitalisedPlaceInsideASentenceIsTheTownNotACommonNoun() {
    Reading r = word(chat, "Meillä on tila Seinäjoella ja toinen Kokkolassa .", "Seinäjoella");
    assertThat(r.lemma()).isEqualTo("Seinäjoki");
    assertThat(r.pos()).isEqualTo("PROPN");
  }

  @Test
  void neuvojaAfterAnAdjectiveIsThePluralOfNeuvo() {
    ReadingDisambiguator plain = new ReadingDisambiguator(morphology, Vocabulary.of(List.of()), LemmaModel.bundled(), LemmaStyle.READING);
    assertThat(word(plain, "Sain hyviä neuvoja .", "neuvoja").lemma()).isEqualTo("neuvo");
  }

  @Test
  void theVocabularyWinsOverTheModelForADomainTerm() {
    assertThat(word(chat, "Sain hyviä neuvoja .", "neuvoja").lemma()).isEqualTo("neuvoja");
  }

  @Test
  void kelanIsTheInstitutionForTheAnalyserWhenTheVocabularyKnowsIt() {
    var text = new FinnishAnalyser(morphology, vocabulary).analyse("Haen Kelan tukea ensi kuussa.");
    assertThat(text.concepts()).extracting(ConceptMention::concept).contains("kela");
  }

  @Test
  void aWordTheVocabularyKnowsKeepsItsDomainReading() {
    Reading r = word(chat, "Haen Kelan tukea ensi kuussa .", "Kelan");
    assertThat(r.lemma()).isEqualTo("kela");
    assertThat(r.alternatives()).isPositive();
  }

  @Test
  void participlesStayParticiplesForTheChatAndBecomeVerbsInUdStyle() {
    String sentence = "Talo on rakennettu vuonna 1950 .";
    assertThat(word(chat, sentence, "rakennettu").lemma()).isEqualTo("rakennettu");
    assertThat(word(ud, sentence, "rakennettu").lemma()).isEqualTo("rakentaa");
    assertThat(word(ud, "Olemme rakentaneet uuden sikalan .", "rakentaneet").lemma()).isEqualTo("rakentaa");
  }

  @Test
  void aHyphenatedCompoundKeepsItsHyphenForTheChatAndTdtsBoundaryMarkInUdStyle() {
    String sentence = "Ostimme uuden kuorma-auton keväällä .";
    assertThat(word(chat, sentence, "kuorma-auton").lemma()).isEqualTo("kuorma-auto");
    assertThat(word(ud, sentence, "kuorma-auton").lemma()).isEqualTo("kuorma#auto");
    assertThat(word(ud, sentence, "kuorma-auton").compoundParts()).containsExactly("kuorma", "auto");
  }

  @Test
  void aWordAfterADashIsAWordNotPunctuation() {
    Reading r = word(ud, "Kappale nousi Billboard -listalla kärkeen .", "-listalla");
    assertThat(r.pos()).isEqualTo("NOUN");
    assertThat(r.lemma()).isEqualTo("lista");
  }

  @Test
  void adverbsReadAsInflectedNounsKeepTheirOwnForm() {
    assertThat(word(ud, "Lopulta saimme luvan .", "Lopulta").lemma()).isEqualTo("lopulta");
  }

  @Test
  void punctuationNumbersAndUnknownWordsAreTheirOwnLemma() {
    List<Reading> r = chat.read(List.of("Yli", "600", "sikapaikkaa", "H&M:n", "vieressä", "!"));
    assertThat(r.get(1).lemma()).isEqualTo("600");
    assertThat(r.get(3).lemma()).isEqualTo("h&m");
    assertThat(r.get(3).known()).isFalse();
    assertThat(r.get(5).pos()).isEqualTo("PUNCT");
  }

  @Test
  void randomInputNeverFailsAndGivesOneReadingPerWord() {
    Random random = new Random(7);
    String alphabet = "aeiouyäöåbdfghjklmnprstvAEKSTÄÖ-:'.,!?0123456789€#@ ";
    for (int n = 0; n < 300; n++) {
      List<String> words = new ArrayList<>();
      for (int w = 0; w < 1 + random.nextInt(8); w++) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < 1 + random.nextInt(12); c++) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        words.add(b.toString().strip().isEmpty() ? "x" : b.toString().strip());
      }
      List<Reading> r = ud.read(words);
      assertThat(r).hasSameSizeAs(words).allSatisfy(x -> assertThat(x.lemma()).isNotNull());
    }
  }

    @Test
  void aMissingUmlautIsCorrected() {
    Reading r = word(chat, "Tarvitsenko ymparistoluvan ?", "ymparistoluvan");
    assertThat(r.lemma()).isEqualTo("ympäristölupa");
    assertThat(r.correctedFrom()).isEqualTo("ymparistoluvan");
  }
}
