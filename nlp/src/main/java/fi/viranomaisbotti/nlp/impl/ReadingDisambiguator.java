package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.LemmaStyle;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chooses one reading and lemma for every word of a sentence. Candidates (the analyser's readings
 * and forms derived from them) are ranked by a linear model over the word's ending, the reading's
 * class, case and number, capitalisation, the place in the sentence and the neighbours' classes; a
 * reading whose base form the knowledge vocabulary knows wins over the model, so domain terms keep
 * their meaning. Punctuation and numbers are their own lemma; unknown words get a lower-case
 * guess. Thread-safe if its {@link Morphology} is.
 */
final class ReadingDisambiguator {
  private final WordLookup lookup;
  private final Vocabulary vocabulary;
  private final LemmaModel model;
  private final LemmaCandidates candidates;
  private final LemmaStyle style;

  ReadingDisambiguator(Morphology morphology, Vocabulary vocabulary, LemmaModel model, LemmaStyle style) {
    this.lookup = new WordLookup(morphology, vocabulary);
    this.vocabulary = vocabulary;
    this.model = model;
    this.candidates = new LemmaCandidates(model.rewrites(), model.endings());
    this.style = style;
  }

  /** The bundled model with the chat's lemma style ({@link LemmaStyle#READING}). */
  static ReadingDisambiguator forChat(Morphology morphology, Vocabulary vocabulary) {
    return new ReadingDisambiguator(morphology, vocabulary, LemmaModel.bundled(), LemmaStyle.READING);
  }

  /** The same choice with the other lemma style, sharing the model and the lookup's settings. */
  ReadingDisambiguator inStyle(Morphology morphology, LemmaStyle other) {
    return other == style ? this : new ReadingDisambiguator(morphology, vocabulary, model, other);
  }

  /** One reading per word, in order; the words are one sentence's tokens as written. */
  public List<Reading> read(List<String> words) {
    List<LookedUpWord> sentence = new ArrayList<>(words.size());
    for (String w : words) {
      sentence.add(lookup.lookUp(w));
    }
    List<Reading> out = new ArrayList<>(words.size());
    for (int i = 0; i < sentence.size(); i++) {
      out.add(read(sentence, i));
    }
    return out;
  }

  private Reading read(List<LookedUpWord> sentence, int i) {
    LookedUpWord w = sentence.get(i);
    String text = w.text();
    switch (w.kind()) {
      case PUNCTUATION:
        return new Reading(text, "PUNCT", "", List.of(text), true, null, 0);
      case NUMBER:
        return new Reading(text, "NUM", "lukusana", List.of(text), true, null, 0);
      case UNKNOWN:
        String guess = rank(sentence, i, candidates.ofUnknown(w), model).lemma();
        return new Reading(guess, "X", "", List.of(guess), false, null, 0);
      default:
        break;
    }
    LemmaCandidate best = best(sentence, i);
    WordAnalysis r = best.reading();
    String corrected = w.corrected() == null ? null : text;
    if (r == null) {
      return new Reading(best.lemma(), "ADV", "seikkasana", List.of(best.lemma()), true, corrected, w.readings().size());
    }
    String lemma = style == LemmaStyle.READING || best.kind() == LemmaCandidate.Kind.READING ? r.lemma() : best.lemma();
    String pos = style == LemmaStyle.UNIVERSAL_DEPENDENCIES && best.kind() == LemmaCandidate.Kind.PARTICIPLE_VERB ? "VERB" : r.pos();
    List<String> parts = lemma.equals(r.lemma()) || best.kind() == LemmaCandidate.Kind.HYPHEN ? r.compoundParts() : List.of(lemma);
    return new Reading(lemma, pos, r.wordClass(), parts, true, corrected, w.readings().size(), r.grammaticalCase());
  }

  /**
   * The best candidate of a known word: a finite verb where grammar leaves no other reading
   * ("alan tuoda", "tuon vaatteita"), else among those from a vocabulary term if there is one.
   */
  LemmaCandidate best(List<LookedUpWord> sentence, int i) {
    List<LemmaCandidate> all = verbWhereGrammarSaysSo(sentence, i, candidates.of(sentence.get(i)));
    List<LemmaCandidate> domain = new ArrayList<>();
    for (LemmaCandidate c : all) {
      if (c.reading() != null && vocabulary.knows(c.reading().lemma())) {
        domain.add(c);
      }
    }
    List<LemmaCandidate> pool = domain.isEmpty() || domain.size() == all.size() ? all : domain;
    return rank(sentence, i, pool, model);
  }

  /**
   * A word that can be a finite verb is that verb where grammar leaves no other reading: before a
   * first infinitive ("alan tuoda" is "I start importing", not the genitive of "ala", field; "aion
   * myydä", "rupean ajamaan"), since a noun does not govern an infinitive; and where its other
   * reading is a pronoun in the genitive that the next word, a noun, does not agree with ("Tuon
   * vaatteita Kiinasta" is "I import clothes", while "tuon talon" is "that house's").
   */
  private static List<LemmaCandidate> verbWhereGrammarSaysSo(List<LookedUpWord> sentence, int i, List<LemmaCandidate> all) {
    if (i + 1 >= sentence.size()) {
      return all;
    }
    LookedUpWord next = sentence.get(i + 1);
    boolean verbChain = firstInfinitive(next);
    boolean noAgreement = !verbChain && all.stream().anyMatch(c -> genitivePronoun(c.reading())) && nounNotInGenitive(next);
    if (!verbChain && !noAgreement) {
      return all;
    }
    List<LemmaCandidate> verbs = new ArrayList<>();
    for (LemmaCandidate c : all) {
      if (c.reading() != null && FINITE_MOODS.contains(c.reading().attribute("MOOD"))) {
        verbs.add(c);
      }
    }
    return verbs.isEmpty() ? all : verbs;
  }

  /**
   * Finite moods that the rules prefer. Not the imperative: it shares its form with many nouns that
   * do govern an infinitive ("tapa tehdä", the way to do, is no order to kill).
   */
  private static final Set<String> FINITE_MOODS = Set.of("indicative", "conditional", "potential");

  private static final Set<String> NOMINALS = Set.of("NOUN", "ADJ", "PROPN");

  /** Whether the word can be a verb's first infinitive ("tuoda", "myydä") or its MA form ("ajamaan"). */
  private static boolean firstInfinitive(LookedUpWord w) {
    return w.kind() == LookedUpWord.Kind.WORD
        && w.readings().stream().anyMatch(r -> r.attribute("MOOD").equals("A-infinitive") || r.attribute("MOOD").equals("MA-infinitive"));
  }

  private static boolean genitivePronoun(WordAnalysis r) {
    return r != null && "PRON".equals(r.pos()) && "omanto".equals(r.grammaticalCase());
  }

  /** Whether every reading of the word is a noun or adjective, none of them in the genitive. */
  private static boolean nounNotInGenitive(LookedUpWord w) {
    return w.kind() == LookedUpWord.Kind.WORD
        && w.readings().stream().allMatch(r -> NOMINALS.contains(r.pos()) && !"omanto".equals(r.grammaticalCase()));
  }

  static LemmaCandidate rank(List<LookedUpWord> sentence, int i, List<LemmaCandidate> pool, LemmaModel model) {
    LemmaCandidate best = pool.get(0);
    if (pool.size() == 1) {
      return best;
    }
    double top = Double.NEGATIVE_INFINITY;
    for (LemmaCandidate c : pool) {
      double s = model.score(LemmaFeatures.of(sentence, i, c));
      if (s > top) {
        top = s;
        best = c;
      }
    }
    return best;
  }
}
