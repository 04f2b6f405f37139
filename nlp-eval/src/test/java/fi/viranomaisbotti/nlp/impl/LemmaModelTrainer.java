package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains a {@link LemmaModel} from sentences with gold lemmas: first the rewrites of base forms
 * that no candidate explains ("ne" → se), then the candidate weights with an averaged perceptron.
 * Deterministic for the same data. Not thread-safe; use one per training.
 *
 * <p>Here in nlp-eval, not in the runtime jar: only {@link LemmaEval} trains. It stays in the
 * package of {@link LemmaModel} (a split package on the test class path) because it builds the
 * package-private candidates and features the model ranks at run time.
 */
final class LemmaModelTrainer {
  /** A rewrite must be seen this often to become a candidate. */
  static final int MIN_REWRITE_COUNT = 2;
  /** At most this many rewrite targets per base form, the most frequent first. */
  static final int MAX_REWRITES = 3;
  /** An ending of unknown words must be seen this often to be tried. */
  static final int MIN_ENDING_COUNT = 2;
  /** Longest replacement of an ending of unknown words ("sessa" → "nen"), in characters. */
  static final int MAX_APPENDED = 3;
  /** Longest ending of unknown words tried, in characters. */
  static final int MAX_ENDING = 6;

  private final WordLookup lookup;
  private final int epochs;

  /** A word of a training sentence and its gold lemma. */
  record GoldWord(String form, String lemma) {}

  /** Sentences annotated in one convention ("tdt", "ftb"): its features get weights of their own. */
  record TrainingSet(String convention, List<List<GoldWord>> sentences) {}

  /** @param vocabulary the colloquial spellings to read as standard forms, as at run time */
  LemmaModelTrainer(Morphology morphology, Vocabulary vocabulary, int epochs) {
    this.lookup = new WordLookup(morphology, vocabulary);
    this.epochs = epochs;
  }

  /** The lemma as annotated, compared the way UD evaluations compare it: '#' removed, lower case. */
  static String normalise(String goldLemma) {
    return goldLemma.equals("#") ? goldLemma : goldLemma.replace("#", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Trains on the sets together: rewrites and endings from all of them, and each feature with a
   * shared weight and one for the convention of the sentence it was seen in.
   */
  LemmaModel train(List<TrainingSet> sets) {
    List<List<GoldWord>> sentences = new ArrayList<>();
    List<String> conventions = new ArrayList<>();
    for (TrainingSet set : sets) {
      sentences.addAll(set.sentences());
      set.sentences().forEach(x -> conventions.add(set.convention()));
    }
    List<List<LookedUpWord>> looked = new ArrayList<>(sentences.size());
    for (List<GoldWord> s : sentences) {
      List<LookedUpWord> l = new ArrayList<>(s.size());
      for (GoldWord g : s) {
        l.add(lookup.lookUp(g.form()));
      }
      looked.add(l);
    }
    Map<String, List<String>> rewrites = rewrites(sentences, looked);
    List<LemmaCandidates.Ending> endings = endings(sentences, looked);
    LemmaCandidates candidates = new LemmaCandidates(rewrites, endings);

    List<Example> examples = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      List<LookedUpWord> sentence = looked.get(s);
      for (int i = 0; i < sentence.size(); i++) {
        LookedUpWord.Kind kind = sentence.get(i).kind();
        if (kind != LookedUpWord.Kind.WORD && kind != LookedUpWord.Kind.UNKNOWN) {
          continue;
        }
        String gold = normalise(sentences.get(s).get(i).lemma());
        List<LemmaCandidate> cands =
            kind == LookedUpWord.Kind.WORD ? candidates.of(sentence.get(i)) : candidates.ofUnknown(sentence.get(i));
        List<List<String>> features = new ArrayList<>(cands.size());
        boolean[] correct = new boolean[cands.size()];
        boolean any = false;
        for (int c = 0; c < cands.size(); c++) {
          List<String> shared = LemmaFeatures.of(sentence, i, cands.get(c));
          List<String> both = new ArrayList<>(shared.size() * 2);
          both.addAll(shared);
          for (String f : shared) {
            both.add(LemmaModel.conventionFeature(conventions.get(s), f));
          }
          features.add(both);
          correct[c] = normalise(cands.get(c).lemma()).equals(gold);
          any |= correct[c];
        }
        if (cands.size() > 1 && any) {
          examples.add(new Example(features, correct));
        }
      }
    }
    return new LemmaModel(perceptron(examples), rewrites, endings);
  }

  private record Example(List<List<String>> features, boolean[] correct) {}

  private Map<String, List<String>> rewrites(List<List<GoldWord>> sentences, List<List<LookedUpWord>> looked) {
    LemmaCandidates plain = new LemmaCandidates(Map.of(), List.of());
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      for (int i = 0; i < looked.get(s).size(); i++) {
        LookedUpWord w = looked.get(s).get(i);
        if (w.kind() != LookedUpWord.Kind.WORD) {
          continue;
        }
        String gold = normalise(sentences.get(s).get(i).lemma());
        List<LemmaCandidate> cands = plain.of(w);
        if (cands.stream().anyMatch(c -> normalise(c.lemma()).equals(gold))) {
          continue;
        }
        for (LemmaCandidate c : cands) {
          if (c.kind() == LemmaCandidate.Kind.READING) {
            counts.computeIfAbsent(c.lemma(), k -> new TreeMap<>()).merge(gold, 1, Integer::sum);
            // The head of a compound is rewritten as the head alone: learn it from compounds too.
            String head = LemmaCandidates.compoundHead(c.reading());
            String prefix = head == null ? null : c.lemma().substring(0, c.lemma().length() - head.length());
            if (head != null && gold.startsWith(prefix) && gold.length() > prefix.length()) {
              counts.computeIfAbsent(head, k -> new TreeMap<>()).merge(gold.substring(prefix.length()), 1, Integer::sum);
            }
          }
        }
      }
    }
    Map<String, List<String>> out = new TreeMap<>();
    counts.forEach((from, targets) -> {
      List<Map.Entry<String, Integer>> sorted = new ArrayList<>(targets.entrySet());
      sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
      List<String> keep = new ArrayList<>();
      for (Map.Entry<String, Integer> e : sorted) {
        if (e.getValue() >= MIN_REWRITE_COUNT && keep.size() < MAX_REWRITES && !e.getKey().isBlank() && !e.getKey().contains(" ")) {
          keep.add(e.getKey());
        }
      }
      if (!keep.isEmpty()) {
        out.put(from, keep);
      }
    });
    return out;
  }

  /**
   * Endings of unknown words that their gold lemma drops or replaces ("Arduinolla" → arduino:
   * "lla" → ""), seen at least {@value #MIN_ENDING_COUNT} times, the most frequent first.
   */
  private static List<LemmaCandidates.Ending> endings(List<List<GoldWord>> sentences, List<List<LookedUpWord>> looked) {
    Map<LemmaCandidates.Ending, Integer> counts = new HashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      for (int i = 0; i < looked.get(s).size(); i++) {
        LookedUpWord w = looked.get(s).get(i);
        if (w.kind() != LookedUpWord.Kind.UNKNOWN) {
          continue;
        }
        String base = LemmaCandidates.guessUnknown(w.text());
        String gold = normalise(sentences.get(s).get(i).lemma());
        int p = 0;
        while (p < base.length() && p < gold.length() && base.charAt(p) == gold.charAt(p)) {
          p++;
        }
        String removed = base.substring(p);
        String appended = gold.substring(p);
        if (!removed.isEmpty() && removed.length() <= MAX_ENDING && appended.length() <= MAX_APPENDED && p >= 2) {
          counts.merge(new LemmaCandidates.Ending(removed, appended), 1, Integer::sum);
        }
      }
    }
    List<Map.Entry<LemmaCandidates.Ending, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.removeIf(e -> e.getValue() < MIN_ENDING_COUNT);
    sorted.sort(Map.Entry.<LemmaCandidates.Ending, Integer>comparingByValue().reversed()
        .thenComparing(e -> e.getKey().removed()).thenComparing(e -> e.getKey().appended()));
    return sorted.stream().map(Map.Entry::getKey).toList();
  }

  /** Averaged perceptron: the mean of the weights over all updates, which generalises better. */
  private Map<String, Float> perceptron(List<Example> examples) {
    Map<String, double[]> w = new HashMap<>();
    List<Example> order = new ArrayList<>(examples);
    Random random = new Random(20261122L);
    long step = 1;
    for (int e = 0; e < epochs; e++) {
      Collections.shuffle(order, random);
      for (Example x : order) {
        int predicted = argmax(x, w, false);
        if (!x.correct()[predicted]) {
          int target = argmax(x, w, true);
          update(w, x.features().get(target), 1, step);
          update(w, x.features().get(predicted), -1, step);
        }
        step++;
      }
    }
    Map<String, Float> out = new HashMap<>();
    for (Map.Entry<String, double[]> e : w.entrySet()) {
      double[] v = e.getValue();
      double total = v[1] + v[0] * (step - v[2]);
      double avg = total / step;
      if (Math.abs(avg) > 1e-4) {
        out.put(e.getKey(), (float) avg);
      }
    }
    return out;
  }

  private static int argmax(Example x, Map<String, double[]> w, boolean onlyCorrect) {
    int best = -1;
    double top = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < x.features().size(); c++) {
      if (onlyCorrect && !x.correct()[c]) {
        continue;
      }
      double s = 0;
      for (String f : x.features().get(c)) {
        double[] v = w.get(f);
        if (v != null) {
          s += v[0];
        }
      }
      if (s > top) {
        top = s;
        best = c;
      }
    }
    return best;
  }

  /** v[0] current weight, v[1] sum of past weights up to v[2], the step of the last change. */
  private static void update(Map<String, double[]> w, List<String> features, double delta, long step) {
    for (String f : features) {
      double[] v = w.computeIfAbsent(f, k -> new double[] {0, 0, step});
      v[1] += v[0] * (step - v[2]);
      v[2] = step;
      v[0] += delta;
    }
  }
}
