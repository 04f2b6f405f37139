package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.WordAnalysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Writes the list of {@link DictionaryWords}: the single-word headwords of the FreeDict
 * Finnish–English dictionary (Debian package dict-freedict-fin-eng, CC BY-SA 3.0) that Voikko
 * reads with the headword as base form. Runs only when asked for with the dictionary's index
 * file, after {@code apt-get install dict-freedict-fin-eng}:
 * {@code mvn -B -q -pl nlp-eval -am verify -Peval -Dtest=DictionaryWordsEval
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddict.index=/usr/share/dictd/freedict-fin-eng.index}.
 * The nlp module reads the new list when it is next built; then rerun LemmaEval, whose features
 * use it.
 */
class DictionaryWordsEval {
  private static final Pattern WORD = Pattern.compile("[a-zåäö]+");

  @Test
  void writesTheDictionaryWords() throws IOException {
    String configured = System.getProperty("dict.index");
    assumeTrue(configured != null, "Writes the dictionary words only with -Ddict.index=FILE");
    Path index = Path.of(configured);
    assertThat(index).as("FreeDict fin-eng index (apt-get install dict-freedict-fin-eng)").isRegularFile();
    TreeSet<String> words = new TreeSet<>();
    try (Morphology morphology = Morphology.voikko(1)) {
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        String headword = line.split("\t", 2)[0];
        if (!WORD.matcher(headword).matches()) {
          continue;
        }
        List<WordAnalysis> readings = morphology.analyse(headword);
        if (readings.stream().anyMatch(r -> r.lemma().equals(headword))) {
          words.add(headword);
        }
      }
    }
    StringBuilder out = new StringBuilder()
        .append("# Single-word headwords of the FreeDict Finnish-English dictionary (fin-eng, CC BY-SA 3.0,\n")
        .append("# FreeDict contributors; see NOTICE) that Voikko reads with the headword as base form.\n")
        .append("# Written by nlp-eval DictionaryWordsEval with -Ddict.index=FILE; do not edit.\n");
    words.forEach(w -> out.append(w).append('\n'));
    Path root = Path.of("").toAbsolutePath().getParent();
    Files.writeString(root.resolve("nlp/src/main/resources" + DictionaryWords.RESOURCE), out, StandardCharsets.UTF_8);
    assertThat(words).contains("tapaturma", "maatalous", "elintarvike", "sopiva").doesNotContain("lihasikala");
  }
}
