package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typo set: each text of {@code reading/typo-set.yaml} read through the real analyser; the
 * misspelt words must be read as listed, shown as interpretations, and the text must carry the
 * listed concepts; the kept words must not be corrected. Adding a text to the file adds a case.
 */
class TypoSetIT {
  private final FinnishAnalyser analyser = AnalyserFixture.analyser();

  /** One text and how it must be read. */
  record Case(String text, Map<String, String> read, List<String> concepts, List<String> kept) {
    Case {
      read = read == null ? Map.of() : Map.copyOf(read);
      concepts = concepts == null ? List.of() : List.copyOf(concepts);
      kept = kept == null ? List.of() : List.copyOf(kept);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = TypoSetIT.class.getResourceAsStream("/reading/typo-set.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Case>>() {}).stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void misspeltWordsAreReadAsTheVocabularyAndTheDictionarySuggestAndShown(Case c) {
    AnalysedText a = analyser.analyse(c.text());
    Map<String, String> shown = new LinkedHashMap<>();
    a.interpretations().forEach(i -> shown.put(i.from(), i.to()));
    c.read().forEach((from, to) -> assertThat(shown).as("corrections in \"%s\"", c.text()).containsEntry(from, to));
    for (String word : c.kept()) {
      assertThat(shown).as("corrections in \"%s\"", c.text()).doesNotContainKey(word);
    }
    assertThat(a.concepts()).extracting(ConceptMention::concept).as("concepts of \"%s\"", c.text())
        .containsAll(c.concepts());
  }
}
