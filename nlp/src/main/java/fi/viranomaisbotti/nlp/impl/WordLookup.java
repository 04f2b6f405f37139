package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks a word up in the morphology. A word it does not know is read as the standard form of a
 * colloquial spelling the vocabulary lists ("mä" → minä), or from the last part of a hyphenated
 * word ("TGV-junat"), or, unless the vocabulary lists it as written, with a confident spelling
 * correction: the dots of ä, ö and å, then a
 * single suggestion one edit away. Thread-safe if its {@link Morphology} is.
 */
final class WordLookup {
  /** Shorter unknown words are not corrected: one edit turns them into too many other words. */
  private static final int MIN_CORRECTED_LENGTH = 5;

  /** Attribute of a reading made from the last part of a hyphenated word: the head, with its hyphen. */
  static final String HYPHEN_HEAD = "HYPHEN_HEAD";

  private final Morphology morphology;
  private final Vocabulary vocabulary;

  WordLookup(Morphology morphology, Vocabulary vocabulary) {
    this.morphology = morphology;
    this.vocabulary = vocabulary;
  }

  /** The word's kind and readings, after a confident spelling correction if it needed one. */
  public LookedUpWord lookUp(String text) {
    if (text.isEmpty()) {
      return new LookedUpWord(text, LookedUpWord.Kind.PUNCTUATION, List.of(), null);
    }
    int cp = text.codePointAt(0);
    // "-listalla" (from "Billboard -listalla") is a word; "-" and "--" are punctuation.
    boolean dashWord = (cp == '-' || cp == '–' || cp == '—') && text.length() > 2 && Character.isLetter(text.codePointAt(1));
    if (!Character.isLetter(cp) && !Character.isDigit(cp) && !dashWord) {
      return new LookedUpWord(text, LookedUpWord.Kind.PUNCTUATION, List.of(), null);
    }
    if (dashWord && cp != '-') {
      // Voikko reads a leading hyphen, not a dash: "–hankkeessa" is read as "-hankkeessa".
      LookedUpWord hyphened = lookUp("-" + text.substring(1));
      return new LookedUpWord(text, hyphened.kind(), hyphened.readings(), hyphened.corrected());
    }
    if (Character.isDigit(cp) && text.chars().noneMatch(Character::isLetter)) {
      return new LookedUpWord(text, LookedUpWord.Kind.NUMBER, List.of(), null);
    }
    List<WordAnalysis> readings = morphology.analyse(text);
    if (!readings.isEmpty()) {
      return new LookedUpWord(text, LookedUpWord.Kind.WORD, readings, null);
    }
    var standard = vocabulary.standardForm(text);
    if (standard.isPresent()) {
      List<WordAnalysis> read = morphology.analyse(standard.get());
      if (!read.isEmpty()) {
        return new LookedUpWord(text, LookedUpWord.Kind.WORD, read, standard.get());
      }
    }
    List<WordAnalysis> tail = hyphenTail(text);
    if (!tail.isEmpty()) {
      return new LookedUpWord(text, LookedUpWord.Kind.WORD, tail, null);
    }
    // A word the vocabulary lists as written ("barberi", "bisse") is the customer's word, not a
    // misspelling of whatever the dictionary has nearby ("berberi").
    if (!vocabulary.conceptsOf(text.toLowerCase(Locale.ROOT)).isEmpty()) {
      return new LookedUpWord(text, LookedUpWord.Kind.UNKNOWN, List.of(), null);
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
   * Readings of a hyphenated word whose first part the analyser does not know ("TGV-junat",
   * "Bafta-palkinnon") from its last part: the lemma keeps the unknown head ("tgv-juna"), which is
   * also the first compound part. The head is recorded as the attribute {@value #HYPHEN_HEAD}.
   */
  private List<WordAnalysis> hyphenTail(String text) {
    int dash = text.lastIndexOf('-');
    if (dash < 1 || dash > text.length() - 3) {
      return List.of();
    }
    String head = text.substring(0, dash + 1);
    List<WordAnalysis> out = new ArrayList<>();
    for (WordAnalysis r : morphology.analyse(text.substring(dash + 1))) {
      boolean proper = r.isProperNoun();
      String h = proper ? head : head.toLowerCase(Locale.ROOT);
      String lemma = h + (proper ? r.lemma() : r.lemma().toLowerCase(Locale.ROOT));
      List<String> parts = new ArrayList<>();
      parts.add(head.substring(0, head.length() - 1).toLowerCase(Locale.ROOT));
      parts.addAll(r.compoundParts());
      Map<String, String> attributes = new HashMap<>(r.attributes());
      attributes.put(HYPHEN_HEAD, h.toLowerCase(Locale.ROOT));
      out.add(new WordAnalysis(lemma, r.pos(), r.wordClass(), parts, r.grammaticalCase(), r.negativeVerb(), attributes));
    }
    return out;
  }

  /**
   * A confident correction of a word the analyser does not know, or null: the suggestion that
   * differs only by the dots of ä, ö and å (the commonest misspelling on keyboards without them);
   * else, among the suggestions within the edit budget ({@link #budget}), the one whose base form
   * the vocabulary knows ("ravintlan" → ravintolan, not ravintilan; "kahvlan" → kahvilan, not
   * kahvan); else the only suggestion one edit away. Suggestions of different word classes that
   * remain equally good are not chosen between ("perustn": perustan or perusten). Capitalised
   * words are left alone: they are mostly names.
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
    int budget = budget(word);
    int closest = budget + 1;
    List<String> near = new ArrayList<>();
    for (String s : suggestions) {
      int d = EditDistance.distance(word, s.toLowerCase(Locale.ROOT), budget);
      if (d <= budget) {
        near.add(s);
        closest = Math.min(closest, d);
      }
    }
    // Only the closest suggestions compete: a vocabulary word two edits away does not beat another
    // word one edit away.
    List<String> known = new ArrayList<>();
    for (String s : near) {
      if (EditDistance.distance(word, s.toLowerCase(Locale.ROOT), budget) == closest && inVocabulary(s)) {
        known.add(s);
      }
    }
    if (!known.isEmpty()) {
      return oneWordClass(known) ? known.get(0) : null;
    }
    String only = null;
    for (String s : near) {
      if (EditDistance.withinOne(word, s.toLowerCase(Locale.ROOT))) {
        if (only != null) {
          return null;
        }
        only = s;
      }
    }
    return only;
  }

  /** Edits allowed in a word of this length: one, two from eight letters ("elintarvikehuonesto"). */
  static int budget(String word) {
    return word.length() >= 8 ? 2 : 1;
  }

  /** Whether a reading of the word has a base form (or a compound part) the vocabulary names. */
  private boolean inVocabulary(String word) {
    for (WordAnalysis r : morphology.analyse(word)) {
      if (!vocabulary.conceptsOf(r.lemma().toLowerCase(Locale.ROOT)).isEmpty()) {
        return true;
      }
      List<String> parts = r.compoundParts();
      if (parts.size() > 1 && !vocabulary.conceptsOf(parts.get(parts.size() - 1)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether all the words are read as one part of speech: a correction never picks between classes. */
  private boolean oneWordClass(List<String> words) {
    String pos = null;
    for (String w : words) {
      List<WordAnalysis> readings = morphology.analyse(w);
      String p = readings.isEmpty() ? "" : readings.get(0).pos();
      if (pos != null && !pos.equals(p)) {
        return false;
      }
      pos = p;
    }
    return true;
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
  }
}
