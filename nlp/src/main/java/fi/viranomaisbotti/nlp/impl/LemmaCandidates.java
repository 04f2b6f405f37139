package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes the candidate lemmas of a word. For a known word, from its readings: each reading, the
 * verb of a participle, the -minen noun of an action noun, learnt rewrites, the word itself and
 * the word without its clitic. For an unknown word: the word, and the word without each learnt
 * inflectional ending it has. Immutable and thread-safe.
 */
final class LemmaCandidates {
  private final Map<String, List<String>> rewrites;
  private final List<Ending> endings;

  /** A learnt ending of unknown words and what replaces it in the lemma ("ksen" → "s"). */
  record Ending(String removed, String appended) {}

  /**
   * @param rewrites learnt rewrites of base forms, e.g. ne → [se]; empty for none
   * @param endings learnt endings of unknown words; empty for none
   */
  LemmaCandidates(Map<String, List<String>> rewrites, List<Ending> endings) {
    this.rewrites = Map.copyOf(rewrites);
    this.endings = List.copyOf(endings);
  }

  /** The candidates of an unknown word: the word itself first, then without each learnt ending. */
  public List<LemmaCandidate> ofUnknown(LookedUpWord word) {
    String base = guessUnknown(word.text());
    List<LemmaCandidate> out = new ArrayList<>();
    Set<String> lemmas = new LinkedHashSet<>();
    add(out, lemmas, LemmaCandidate.Kind.GUESS, base, null);
    for (Ending e : endings) {
      if (base.endsWith(e.removed()) && base.length() - e.removed().length() >= 2) {
        add(out, lemmas, LemmaCandidate.Kind.GUESS, base.substring(0, base.length() - e.removed().length()) + e.appended(), null);
      }
    }
    return out;
  }

  /**
   * The word in lower case, without an ending written after a colon ("H&M:n" → h&m, "EU:ssa" →
   * eu, "EY:" → ey); web addresses are left whole.
   */
  static String guessUnknown(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    return colon > 0 && !lower.contains("://") ? lower.substring(0, colon) : lower;
  }

  /** The candidates of a known word, readings first in the analyser's order. */
  public List<LemmaCandidate> of(LookedUpWord word) {
    List<LemmaCandidate> out = new ArrayList<>();
    Set<String> lemmas = new LinkedHashSet<>();
    for (WordAnalysis r : word.readings()) {
      String lemma = r.lemma().toLowerCase(Locale.ROOT);
      out.add(new LemmaCandidate(LemmaCandidate.Kind.READING, lemma, r));
      lemmas.add(lemma);
    }
    for (WordAnalysis r : word.readings()) {
      String fst = r.attribute("FSTOUTPUT");
      String head = r.attribute(WordLookup.HYPHEN_HEAD);
      if (!r.attribute("PARTICIPLE").isEmpty()) {
        add(out, lemmas, LemmaCandidate.Kind.PARTICIPLE_VERB, prefixed(head, VoikkoFst.verbOfParticiple(fst)), r);
      }
      if ("MINEN-infinitive".equals(r.attribute("MOOD"))) {
        add(out, lemmas, LemmaCandidate.Kind.ACTION_NOUN, prefixed(head, VoikkoFst.actionNoun(fst)), r);
      }
    }
    for (WordAnalysis r : word.readings()) {
      String lemma = r.lemma().toLowerCase(Locale.ROOT);
      if (lemma.length() > 2 && lemma.startsWith("-")) {
        add(out, lemmas, LemmaCandidate.Kind.HYPHEN, lemma.substring(1), r);
      } else if (lemma.length() > 2 && lemma.endsWith("-")) {
        add(out, lemmas, LemmaCandidate.Kind.HYPHEN, r.compoundParts().get(r.compoundParts().size() - 1), r);
      } else if (lemma.indexOf('-') > 0) {
        add(out, lemmas, LemmaCandidate.Kind.HYPHEN, compoundMarked(lemma), r);
      }
    }
    for (WordAnalysis r : word.readings()) {
      String lemma = r.lemma().toLowerCase(Locale.ROOT);
      List<String> whole = rewrites.get(lemma);
      if (whole != null) {
        for (String target : whole) {
          add(out, lemmas, LemmaCandidate.Kind.REWRITE, target, r);
        }
        continue;
      }
      // A compound's head is rewritten as the head alone is ("edellisvaali": edellisvaalit, as vaali: vaalit).
      String head = compoundHead(r);
      if (head != null) {
        String prefix = lemma.substring(0, lemma.length() - head.length());
        for (String target : rewrites.getOrDefault(head, List.of())) {
          add(out, lemmas, LemmaCandidate.Kind.HEAD_REWRITE, prefix + target, r);
        }
      }
    }
    String form = (word.corrected() == null ? word.text() : word.corrected()).toLowerCase(Locale.ROOT);
    add(out, lemmas, LemmaCandidate.Kind.FORM, form, null);
    String clitic = word.readings().isEmpty() ? "" : VoikkoFst.clitics(word.readings().get(0).attribute("FSTOUTPUT"));
    if (!clitic.isEmpty() && form.endsWith(clitic) && form.length() > clitic.length() + 1) {
      add(out, lemmas, LemmaCandidate.Kind.WITHOUT_CLITIC, form.substring(0, form.length() - clitic.length()), null);
    }
    return out;
  }

  /**
   * The last part of a compound reading when the lemma ends with it as written ("edellisvaali":
   * vaali), else null.
   */
  static String compoundHead(WordAnalysis r) {
    List<String> parts = r.compoundParts();
    if (parts.size() < 2) {
      return null;
    }
    String lemma = r.lemma().toLowerCase(Locale.ROOT);
    String head = parts.get(parts.size() - 1);
    return head.length() >= 2 && lemma.length() > head.length() && lemma.endsWith(head) ? head : null;
  }

  /** The lemma with each hyphen between two letters or digits written as UD_Finnish-TDT's boundary mark '#'. */
  static String compoundMarked(String lemma) {
    StringBuilder out = new StringBuilder(lemma);
    for (int i = 1; i < out.length() - 1; i++) {
      if (out.charAt(i) == '-' && Character.isLetterOrDigit(out.charAt(i - 1)) && Character.isLetterOrDigit(out.charAt(i + 1))) {
        out.setCharAt(i, '#');
      }
    }
    return out.toString();
  }

  private static String prefixed(String head, String lemma) {
    return lemma == null ? null : head + lemma;
  }

  private static void add(
      List<LemmaCandidate> out, Set<String> lemmas, LemmaCandidate.Kind kind, String lemma, WordAnalysis r) {
    if (lemma != null && !lemma.isEmpty() && lemmas.add(lemma)) {
      out.add(new LemmaCandidate(kind, lemma, r));
    }
  }
}
