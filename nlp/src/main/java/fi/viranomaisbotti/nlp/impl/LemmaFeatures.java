package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The features of one candidate lemma in its sentence: how the candidate was made, the reading's
 * word class, case, number, participle and mood, the word's ending, capitalisation and place in
 * the sentence, the neighbours' word classes, and whether a participle is a dictionary word
 * ({@link DictionaryWords}). Stateless.
 */
final class LemmaFeatures {
  private LemmaFeatures() {}

  static List<String> of(List<LookedUpWord> sentence, int i, LemmaCandidate c) {
    LookedUpWord word = sentence.get(i);
    String text = word.text();
    String form = text.toLowerCase(Locale.ROOT);
    WordAnalysis r = c.reading();
    String k = c.kind().code();
    String cls = r == null ? "-" : r.wordClass();
    String kc = k + "|" + cls;
    boolean capital = Character.isUpperCase(text.codePointAt(0));
    String shape = (capital ? "C" : "l") + (i == 0 ? "0" : "+");
    String prev = i == 0 ? "^" : coarse(sentence.get(i - 1));
    String next = i + 1 == sentence.size() ? "$" : coarse(sentence.get(i + 1));
    String prevForm = i == 0 ? "^" : sentence.get(i - 1).text().toLowerCase(Locale.ROOT);
    String nextForm = i + 1 == sentence.size() ? "$" : sentence.get(i + 1).text().toLowerCase(Locale.ROOT);

    List<String> f = new ArrayList<>(24);
    if (c.kind() == LemmaCandidate.Kind.GUESS) {
      String base = LemmaCandidates.guessUnknown(text);
      int common = commonPrefix(base, c.lemma());
      String end = "G|-" + base.substring(common) + "+" + c.lemma().substring(common);
      f.add(end);
      f.add(end + "|" + shape);
      f.add(end + "|p=" + prev);
      f.add(end + "|s=" + suffix(c.lemma(), 1));
      f.add(end + "|s=" + suffix(c.lemma(), 2));
      f.add(end + "|len=" + Math.min(8, c.lemma().length()));
      f.add(end + "|w=" + suffix(base, 4));
      f.add(end + "|n=" + next);
      f.add("G|f=" + form + "|" + end);
      return f;
    }
    f.add(k);
    f.add(kc);
    f.add(kc + "|" + shape);
    f.add(k + "|f=" + form);
    f.add(k + "|l=" + c.lemma());
    f.add(kc + "|ls=" + suffix(c.lemma(), 3));
    f.add("fl=" + form + "|" + c.lemma());
    f.add("l=" + c.lemma() + "|p=" + prev + "|n=" + next);
    f.add(kc + "|same=" + c.lemma().equals(form));
    f.add(k + "|s2=" + suffix(form, 2));
    f.add(kc + "|s3=" + suffix(form, 3));
    f.add(kc + "|s4=" + suffix(form, 4));
    f.add(kc + "|p=" + prev);
    f.add(kc + "|n=" + next);
    f.add(kc + "|p=" + prev + "|n=" + next);
    f.add(kc + "|pf=" + prevForm);
    f.add(kc + "|nf=" + nextForm);
    f.add(k + "|n=" + word.readings().size());
    if (r != null) {
      String kase = r.attribute("SIJAMUOTO");
      String number = r.attribute("NUMBER");
      f.add(kc + "|" + kase + "|" + number);
      f.add(kc + "|" + kase + "|p=" + prev);
      f.add(kc + "|pt=" + r.attribute("PARTICIPLE") + "|m=" + r.attribute("MOOD"));
      f.add(kc + "|pt=" + r.attribute("PARTICIPLE") + "|p=" + prev);
      if (!r.attribute("PARTICIPLE").isEmpty()) {
        // A participle that the dictionary has as a word ("sopiva", "tietty") is often an adjective in UD.
        boolean lexical = DictionaryWords.bundled().contains(r.lemma().toLowerCase(Locale.ROOT));
        f.add(kc + "|pt=" + r.attribute("PARTICIPLE") + "|lex=" + lexical);
        f.add(k + "|lex=" + lexical + "|p=" + prev);
      }
      f.add(kc + "|cmp=" + r.attribute("COMPARISON") + "|foc=" + r.attribute("FOCUS"));
      f.add(kc + "|parts=" + Math.min(3, r.compoundParts().size()));
      f.add(kc + "|f=" + form);
      if (c.kind() != LemmaCandidate.Kind.READING) {
        f.add(k + "|from=" + r.lemma().toLowerCase(Locale.ROOT) + "|to=" + c.lemma());
      }
    }
    return f;
  }

  /** A neighbour's coarse class: its first reading's word class, or its kind. */
  private static String coarse(LookedUpWord w) {
    return switch (w.kind()) {
      case PUNCTUATION -> "P" + w.text();
      case NUMBER -> "N";
      case UNKNOWN -> "U";
      case WORD -> w.readings().get(0).wordClass();
    };
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static String suffix(String s, int n) {
    return s.length() <= n ? s : s.substring(s.length() - n);
  }
}
