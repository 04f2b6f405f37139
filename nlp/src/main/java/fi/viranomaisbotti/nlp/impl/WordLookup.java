package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.List;
import java.util.Locale;

/**
 * Looks a word up in the morphology, correcting the spelling of words it does not know when the
 * correction is confident: first the dots of ä, ö and å, then a single suggestion one edit away.
 * Thread-safe if its {@link Morphology} is.
 */
public final class WordLookup {
  /** Shorter unknown words are not corrected: one edit turns them into too many other words. */
  private static final int MIN_CORRECTED_LENGTH = 5;

  private final Morphology morphology;

  public WordLookup(Morphology morphology) {
    this.morphology = morphology;
  }

  /** The word's kind and readings, after a confident spelling correction if it needed one. */
  public LookedUpWord lookUp(String text) {
    int cp = text.codePointAt(0);
    if (!Character.isLetter(cp) && !Character.isDigit(cp)) {
      return new LookedUpWord(text, LookedUpWord.Kind.PUNCTUATION, List.of(), null);
    }
    if (Character.isDigit(cp) && text.chars().noneMatch(Character::isLetter)) {
      return new LookedUpWord(text, LookedUpWord.Kind.NUMBER, List.of(), null);
    }
    List<WordAnalysis> readings = morphology.analyse(text);
    if (!readings.isEmpty()) {
      return new LookedUpWord(text, LookedUpWord.Kind.WORD, readings, null);
    }
    String fixed = correction(text);
    if (fixed != null) {
      List<WordAnalysis> corrected = morphology.analyse(fixed);
      if (!corrected.isEmpty()) {
        return new LookedUpWord(text, LookedUpWord.Kind.WORD, corrected, fixed);
      }
    }
    return new LookedUpWord(text, LookedUpWord.Kind.UNKNOWN, List.of(), null);
  }

  /**
   * A confident correction of a word the analyser does not know, or null: the suggestion that
   * differs only by the dots of ä, ö and å (the commonest misspelling on keyboards without them),
   * else the only suggestion one edit (insertion, deletion, substitution or swap) away from a
   * lower-case word. Capitalised words are left alone: they are mostly names.
   */
  public String correction(String word) {
    if (word.length() < 3) {
      return null;
    }
    List<String> suggestions = morphology.suggest(word);
    boolean dotless = word.chars().noneMatch(ch -> "äöåÄÖÅ".indexOf(ch) >= 0);
    if (dotless) {
      String folded = fold(word);
      for (String s : suggestions) {
        if (fold(s).equals(folded)) {
          return s;
        }
      }
    }
    if (word.length() < MIN_CORRECTED_LENGTH || !word.equals(word.toLowerCase(Locale.ROOT))) {
      return null;
    }
    String only = null;
    for (String s : suggestions) {
      if (EditDistance.withinOne(word, s.toLowerCase(Locale.ROOT))) {
        if (only != null) {
          return null;
        }
        only = s;
      }
    }
    return only;
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
  }
}
