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
 * The single words that a Finnish dictionary has as headwords: the headwords of the FreeDict
 * Finnish–English dictionary (CC BY-SA 3.0, see NOTICE) that Voikko knows, written by nlp-eval's
 * DictionaryWordsEval. Two uses: a compound's parts keep a headword whole although Voikko builds
 * it from parts ({@link VoikkoMorphology#compoundParts}: tapaturmavakuutus is tapaturma + vakuutus,
 * not tapa + turma + vakuutus), and a participle that is a headword ("sopiva", "tietty") is
 * lexicalised as an adjective, which the lemma model weighs ({@link LemmaFeatures}). Immutable and
 * thread-safe.
 */
final class DictionaryWords {
  /** Where the bundled list lives on the class path. */
  static final String RESOURCE = "/fi/viranomaisbotti/nlp/impl/dictionary-words.txt";

  private final Set<String> words;

  DictionaryWords(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /** The list shipped in this jar, loaded once. */
  static DictionaryWords bundled() {
    return Bundled.LIST;
  }

  private static final class Bundled {
    static final DictionaryWords LIST = load();

    private static DictionaryWords load() {
      try (InputStream in = DictionaryWords.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The dictionary compounds " + RESOURCE + " are missing from the class path."
              + " Rebuild the nlp module; the list is written by DictionaryWordsEval in nlp-eval.");
        }
        Set<String> words = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank() && !line.startsWith("#")) {
            words.add(line.strip());
          }
        }
        return new DictionaryWords(words);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the dictionary compounds " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
  }

  /** Whether the dictionary has this word, lower case, as a headword. */
  boolean contains(String word) {
    return words.contains(word);
  }

  int size() {
    return words.size();
  }
}
