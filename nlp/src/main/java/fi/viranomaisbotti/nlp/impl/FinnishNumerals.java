package fi.viranomaisbotti.nlp.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads Finnish cardinal numerals written as words, from the base form the morphology gives
 * ("kahdellekymmenelle" → "kaksikymmentä" → 20, "kolmetuhatta" → 3000). Stateless and
 * thread-safe.
 */
final class FinnishNumerals {
  private static final Map<String, Integer> DIGITS =
      Map.of(
          "yksi", 1, "kaksi", 2, "kolme", 3, "neljä", 4, "viisi", 5, "kuusi", 6, "seitsemän", 7,
          "kahdeksan", 8, "yhdeksän", 9);
  // Longest first, so that "kymmentä" is tried before "kymmenen" and "sataa" before "sata".
  private static final List<String> PARTS =
      List.of(
          "miljoonaa", "miljoona", "tuhatta", "tuhat", "kymmentä", "kymmenen", "toista", "sataa", "sata",
          "seitsemän", "kahdeksan", "yhdeksän", "neljä", "viisi", "kuusi", "kaksi", "kolme", "yksi");

  private FinnishNumerals() {}

  /** The value of a numeral's base form, or empty if it is not one. */
  static OptionalLong value(String lemma) {
    List<String> words = split(lemma);
    if (words.isEmpty()) {
      return OptionalLong.empty();
    }
    long total = 0;
    long group = 0;
    long digit = 0;
    for (String w : words) {
      Integer d = DIGITS.get(w);
      if (d != null) {
        if (digit != 0) {
          return OptionalLong.empty();
        }
        digit = d;
        continue;
      }
      boolean needsDigit = w.equals("toista") || w.equals("kymmentä") || w.equals("sataa");
      boolean needsGroup = w.equals("tuhatta") || w.equals("miljoonaa");
      if (needsDigit && digit == 0 || needsGroup && group + digit == 0) {
        return OptionalLong.empty();
      }
      switch (w) {
        case "toista" -> group += digit + 10;
        case "kymmentä" -> group += digit * 10;
        case "kymmenen" -> group += 10 + digit;
        case "sata" -> group += 100 + digit;
        case "sataa" -> group += digit * 100;
        case "tuhat" -> total += 1000 + group + digit;
        case "tuhatta" -> total += (group + digit) * 1000;
        case "miljoona" -> total += 1_000_000 + group + digit;
        case "miljoonaa" -> total += (group + digit) * 1_000_000;
        default -> {
          return OptionalLong.empty();
        }
      }
      digit = 0;
      if (w.startsWith("tuha") || w.startsWith("miljoon")) {
        group = 0;
      }
    }
    return OptionalLong.of(total + group + digit);
  }

  private static List<String> split(String lemma) {
    List<String> out = new ArrayList<>();
    int i = 0;
    outer:
    while (i < lemma.length()) {
      for (String p : PARTS) {
        if (lemma.startsWith(p, i)) {
          out.add(p);
          i += p.length();
          continue outer;
        }
      }
      return List.of();
    }
    return out;
  }
}
