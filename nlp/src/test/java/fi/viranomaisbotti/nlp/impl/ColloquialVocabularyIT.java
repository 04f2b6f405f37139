package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.nlp.LemmaStyle;
import fi.viranomaisbotti.nlp.Vocabulary;
import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every colloquial spelling in corpus vocabulary/puhekieli.yaml reads as its standard form. */
class ColloquialVocabularyIT {
  private static VoikkoMorphology morphology;
  private static List<Concept> colloquial;
  private static ReadingDisambiguator reader;

  @BeforeAll
  static void load() {
    morphology = VoikkoMorphology.open(1);
    var snapshot = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", ColloquialVocabularyIT.class.getClassLoader()));
    colloquial = snapshot.concepts().values().stream().filter(c -> c.id().startsWith(Vocabulary.COLLOQUIAL_PREFIX)).toList();
    Vocabulary vocabulary = Vocabulary.of(snapshot.concepts().values(), snapshot.municipalities().values());
    reader = new ReadingDisambiguator(morphology, vocabulary, LemmaModel.bundled(), LemmaStyle.READING);
  }

  @AfterAll
  static void close() {
    morphology.close();
  }

  @Test
  void everyColloquialSpellingGetsALemmaOfItsStandardForm() {
    assertThat(colloquial).isNotEmpty();
    SoftAssertions soft = new SoftAssertions();
    for (Concept c : colloquial) {
      String standard = c.name().fi();
      List<String> lemmas = morphology.analyse(standard).stream().map(WordAnalysis::lemma).toList();
      soft.assertThat(lemmas).as("Voikko must know the standard form '%s' of %s", standard, c.id()).isNotEmpty();
      for (String term : c.terms()) {
        if (!morphology.analyse(term).isEmpty()) {
          continue;
        }
        Reading r = reader.read(List.of("No", term, "niin")).get(1);
        soft.assertThat(r.correctedFrom()).as("'%s' is read as '%s'", term, standard).isEqualTo(term);
        // An adverb may keep its own form ("oikeasti"), as the Universal Dependencies treebanks do.
        soft.assertThat(r.lemma()).as("lemma of '%s'", term).isIn(concat(lemmas, standard));
      }
    }
    soft.assertAll();
  }

  private static List<String> concat(List<String> lemmas, String standard) {
    var out = new ArrayList<>(lemmas);
    out.add(standard);
    return out;
  }

  @Test
  void colloquialEntriesAreNotConcepts() {
    var snapshot = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", ColloquialVocabularyIT.class.getClassLoader()));
    Vocabulary vocabulary = Vocabulary.of(snapshot.concepts().values());
    assertThat(vocabulary.conceptsOf("mä")).isEmpty();
    assertThat(vocabulary.standardForm("Mä")).contains("minä");
  }
}
