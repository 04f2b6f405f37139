package fi.viranomaisbotti.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells Finnish, Swedish and English apart from how many words the Finnish analyser recognises
 * and from the commonest function words of Swedish and English. Stateless and thread-safe.
 */
final class LanguageGuesser {
  private static final Set<String> SWEDISH =
      Set.of("och", "är", "jag", "att", "det", "en", "ett", "som", "på", "med", "för", "inte", "vill", "har", "min", "mitt", "hur", "kan", "vad", "till", "av", "om", "ska", "starta", "företag");
  private static final Set<String> ENGLISH =
      Set.of("the", "and", "i", "to", "a", "is", "of", "want", "my", "with", "for", "in", "not", "how", "do", "can", "what", "start", "business", "open", "need", "will");

  record Guess(String language, double confidence) {}

  Guess guess(List<Sentence> sentences, int words, int known) {
    if (words == 0) {
      return new Guess("und", 0);
    }
    int sv = 0;
    int en = 0;
    for (Sentence s : sentences) {
      for (Token t : s.tokens()) {
        String w = t.text().toLowerCase(Locale.ROOT);
        sv += SWEDISH.contains(w) ? 1 : 0;
        en += ENGLISH.contains(w) ? 1 : 0;
      }
    }
    double fi = (double) known / words;
    double svShare = (double) sv / words;
    double enShare = (double) en / words;
    if (fi >= 0.6 && fi >= 2 * Math.max(svShare, enShare)) {
      return new Guess("fi", fi);
    }
    if (sv > en && svShare >= 0.15) {
      return new Guess("sv", Math.min(1, svShare * 2));
    }
    if (en > sv && enShare >= 0.15) {
      return new Guess("en", Math.min(1, enShare * 2));
    }
    return fi >= 0.5 ? new Guess("fi", fi) : new Guess("und", 1 - fi);
  }
}
