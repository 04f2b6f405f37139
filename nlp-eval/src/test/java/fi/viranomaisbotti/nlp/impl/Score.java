package fi.viranomaisbotti.nlp.impl;

import java.util.Locale;

/** Correct and total counts of one method on one slice of a data set. Not thread-safe. */
final class Score {
  private int correct;
  private int total;

  void add(boolean ok) {
    total++;
    correct += ok ? 1 : 0;
  }

  int total() {
    return total;
  }

  double rate() {
    return total == 0 ? 0 : 100.0 * correct / total;
  }

  String percent() {
    return String.format(Locale.ROOT, "%.2f", rate());
  }
}
