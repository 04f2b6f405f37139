package fi.viranomaisbotti.nlp.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Compound words that a Finnish dictionary has as headwords of their own ("tapaturma",
 * "maatalous", "elintarvike") although Voikko builds them from parts (tapa + turma). A compound's
 * parts keep such a word whole ({@link VoikkoMorphology#compoundParts}). The list is the headwords
 * of the FreeDict Finnish–English dictionary (CC BY-SA 3.0, see NOTICE) that Voikko reads as a
 * compound, written by nlp-eval's DictionaryCompoundsEval. Immutable and thread-safe.
 */
final class DictionaryCompounds {
  /** Where the bundled list lives on the class path. */
  static final String RESOURCE = "/fi/viranomaisbotti/nlp/impl/dictionary-compounds.txt";

  private final Set<String> words;

  DictionaryCompounds(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /** The list shipped in this jar, loaded once. */
  static DictionaryCompounds bundled() {
    return Bundled.LIST;
  }

  private static final class Bundled {
    static final DictionaryCompounds LIST = load();

    private static DictionaryCompounds load() {
      try (InputStream in = DictionaryCompounds.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The dictionary compounds " + RESOURCE + " are missing from the class path."
              + " Rebuild the nlp module; the list is written by DictionaryCompoundsEval in nlp-eval.");
        }
        Set<String> words = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank() && !line.startsWith("#")) {
            words.add(line.strip());
          }
        }
        return new DictionaryCompounds(words);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the dictionary compounds " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
  }

  /** Whether the dictionary has this word, lower case, as a headword of its own. */
  boolean contains(String word) {
    return words.contains(word);
  }

  int size() {
    return words.size();
  }
}
