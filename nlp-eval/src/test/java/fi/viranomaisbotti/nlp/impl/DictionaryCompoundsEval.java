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
 * Writes the list of {@link DictionaryCompounds}: the headwords of the FreeDict Finnish–English
 * dictionary (Debian package dict-freedict-fin-eng, CC BY-SA 3.0) that Voikko reads as a compound
 * of two or more parts, so that a compound's parts can keep them whole. Skipped when the
 * dictionary is not installed ({@code apt-get install dict-freedict-fin-eng}, or
 * {@code -Ddict.index=FILE}). The list is read when the nlp module is next built.
 */
class DictionaryCompoundsEval {
  private static final Pattern WORD = Pattern.compile("[a-zåäö]+");

  @Test
  void writesTheDictionaryCompounds() throws IOException {
    Path index = Path.of(System.getProperty("dict.index", "/usr/share/dictd/freedict-fin-eng.index"));
    assumeTrue(Files.isRegularFile(index), "FreeDict fin-eng is not installed: " + index);
    TreeSet<String> compounds = new TreeSet<>();
    try (Morphology morphology = Morphology.voikko(1)) {
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        String headword = line.split("\t", 2)[0];
        if (!WORD.matcher(headword).matches()) {
          continue;
        }
        List<WordAnalysis> readings = morphology.analyse(headword);
        if (readings.stream().anyMatch(r -> r.lemma().equals(headword) && r.compoundParts().size() > 1)) {
          compounds.add(headword);
        }
      }
    }
    StringBuilder out = new StringBuilder()
        .append("# Compound words that are headwords of the FreeDict Finnish-English dictionary (fin-eng,\n")
        .append("# CC BY-SA 3.0, FreeDict contributors; see NOTICE) and that Voikko reads as compounds.\n")
        .append("# Written by nlp-eval DictionaryCompoundsEval (mvn -B -q -pl nlp-eval -am verify -Peval); do not edit.\n");
    compounds.forEach(w -> out.append(w).append('\n'));
    Path root = Path.of("").toAbsolutePath().getParent();
    Files.writeString(root.resolve("nlp/src/main/resources" + DictionaryCompounds.RESOURCE), out, StandardCharsets.UTF_8);
    assertThat(compounds).contains("tapaturma", "maatalous", "elintarvike").doesNotContain("ympäristö");
  }
}
