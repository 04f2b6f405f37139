package fi.viranomaisbotti.nlp.impl;

import java.util.List;

/** Index helpers for score arrays ordered fi, sv, en. */
final class LanguageScores {
  static final List<String> CODES = List.of("fi", "sv", "en");

  private LanguageScores() {}

  static int index(String code) {
    return CODES.indexOf(code);
  }

  static int argmax(double[] s) {
    int best = 0;
    for (int i = 1; i < s.length; i++) {
      if (s[i] > s[best]) {
        best = i;
      }
    }
    return best;
  }
}
