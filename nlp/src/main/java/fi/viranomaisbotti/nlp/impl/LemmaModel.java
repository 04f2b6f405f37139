package fi.viranomaisbotti.nlp.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The weights that rank candidate lemmas and the base-form rewrites learnt from annotated text.
 * Immutable and thread-safe. The bundled model is trained from the Universal Dependencies Finnish
 * TDT and FTB development sets and the FTB test set (see NOTICE and docs/nlp-evaluation.md).
 *
 * <p>The treebanks lemmatise some words by different conventions (TDT: "ne" → se, "tässä" → tämä,
 * "perusteella" → peruste; FTB keeps them). Each feature therefore has a shared weight and one per
 * convention ({@link #conventionFeature}); a model scores with the shared weights and those of its
 * {@link #convention()}. The bundled model follows {@value #UD_CONVENTION}, the main UD Finnish
 * treebank.
 */
final class LemmaModel {
  /** Where the bundled model lives on the class path. */
  static final String RESOURCE = "/fi/viranomaisbotti/nlp/impl/lemma-model.tsv.gz";
  /** The convention of the bundled model: UD_Finnish-TDT's. */
  static final String UD_CONVENTION = "tdt";

  private final Map<String, Float> weights;
  private final Map<String, List<String>> rewrites;
  private final List<LemmaCandidates.Ending> endings;
  private final String convention;
  private final String conventionPrefix;

  /** A model that scores with the shared weights only. */
  LemmaModel(
      Map<String, Float> weights, Map<String, List<String>> rewrites, List<LemmaCandidates.Ending> endings) {
    this.weights = Map.copyOf(weights);
    this.endings = List.copyOf(endings);
    Map<String, List<String>> copy = new HashMap<>();
    rewrites.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.rewrites = Map.copyOf(copy);
    this.convention = "";
    this.conventionPrefix = null;
  }

  private LemmaModel(LemmaModel shared, String convention) {
    this.weights = shared.weights;
    this.rewrites = shared.rewrites;
    this.endings = shared.endings;
    this.convention = convention;
    this.conventionPrefix = convention.isEmpty() ? null : conventionFeature(convention, "");
  }

  /** The same weights, scored with those of this convention ("tdt", "ftb") added; "" for none. */
  LemmaModel inConvention(String name) {
    return new LemmaModel(this, name);
  }

  /** The convention this model scores with, "" for the shared weights only. */
  String convention() {
    return convention;
  }

  /** The name of a feature's weight in one convention. */
  static String conventionFeature(String convention, String feature) {
    return "@" + convention + " " + feature;
  }

  /** The model shipped in this jar, loaded once, in the {@value #UD_CONVENTION} convention. */
  static LemmaModel bundled() {
    return Bundled.MODEL;
  }

  private static final class Bundled {
    static final LemmaModel MODEL = loadBundled();

    private static LemmaModel loadBundled() {
      try (InputStream in = LemmaModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "The lemma model " + RESOURCE + " is missing from the class path. Rebuild the nlp module;"
                  + " the model is trained by LemmaEval in nlp-eval (mvn -pl nlp-eval -am verify -Peval).");
        }
        return read(new GZIPInputStream(in)).inConvention(UD_CONVENTION);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the lemma model " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Reads a model written by {@link #write}: lines "w", feature, weight; "r", base form, rewrite
   * targets separated by spaces; "e", ending of unknown words, what replaces it.
   */
  static LemmaModel read(InputStream in) throws IOException {
    Map<String, Float> w = new HashMap<>();
    Map<String, List<String>> r = new HashMap<>();
    List<LemmaCandidates.Ending> e = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length == 3 && f[0].equals("w")) {
        w.put(f[1], Float.parseFloat(f[2]));
      } else if (f.length == 3 && f[0].equals("r")) {
        r.put(f[1], List.of(f[2].split(" ")));
      } else if (f.length == 3 && f[0].equals("e")) {
        e.add(new LemmaCandidates.Ending(f[1], f[2]));
      } else {
        throw new IOException("Line " + n + " of the lemma model is neither a weight nor a rewrite: '" + line + "'");
      }
    }
    return new LemmaModel(w, r, e);
  }

  /** Writes the model as sorted text, so that two trainings on the same data give the same file. */
  public void write(Writer out, String header) throws IOException {
    for (String h : header.split("\n")) {
      out.write("# " + h + "\n");
    }
    for (Map.Entry<String, List<String>> e : new TreeMap<>(rewrites).entrySet()) {
      out.write("r\t" + e.getKey() + "\t" + String.join(" ", e.getValue()) + "\n");
    }
    for (LemmaCandidates.Ending e : endings) {
      out.write("e\t" + e.removed() + "\t" + e.appended() + "\n");
    }
    for (Map.Entry<String, Float> e : new TreeMap<>(weights).entrySet()) {
      out.write("w\t" + e.getKey() + "\t" + String.format(Locale.ROOT, "%.4g", e.getValue()) + "\n");
    }
  }

  /** The sum of the weights of the features, shared and in this model's convention. */
  double score(List<String> features) {
    double s = 0;
    for (String f : features) {
      Float w = weights.get(f);
      if (w != null) {
        s += w;
      }
      if (conventionPrefix != null) {
        Float c = weights.get(conventionPrefix + f);
        if (c != null) {
          s += c;
        }
      }
    }
    return s;
  }

  public Map<String, List<String>> rewrites() {
    return rewrites;
  }

  /** Learnt endings of unknown words, the most frequent first. */
  public List<LemmaCandidates.Ending> endings() {
    return endings;
  }

  /** Number of weighted features, for reports. */
  public int size() {
    return weights.size();
  }

  /** Features with non-zero weight, e.g. to print the strongest ones. */
  public List<Map.Entry<String, Float>> weights() {
    return new ArrayList<>(weights.entrySet());
  }
}
