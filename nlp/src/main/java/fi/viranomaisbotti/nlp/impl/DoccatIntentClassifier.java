package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.knowledge.EventExamples;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.EventSignal;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.IntentClassifier;
import fi.viranomaisbotti.nlp.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP maximum-entropy document categorizer over our own pipeline's lemmas and compound
 * parts, trained at start-up from the corpus's example utterances. Thread-safe: the trained model
 * is read-only and shared, and each call makes its own {@link DocumentCategorizerME}, which is
 * not thread-safe and costs only a small wrapper.
 */
final class DoccatIntentClassifier implements IntentClassifier {
  /**
   * Training settings; cutoff 0 or 1 suits a few hundred short examples.
   *
   * @param algorithm an OpenNLP trainer name: "MAXENT", "NAIVEBAYES" or "PERCEPTRON"
   */
  record Settings(String algorithm, int cutoff, int iterations) {
    static final Settings DEFAULT = new Settings("MAXENT", 0, 300);
  }

  private final DoccatModel model;
  private final List<String> events;

  private DoccatIntentClassifier(DoccatModel model) {
    this.model = model;
    DocumentCategorizerME me = new DocumentCategorizerME(model);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < me.getNumberOfCategories(); i++) {
      names.add(me.getCategory(i));
    }
    this.events = List.copyOf(names);
  }

  /**
   * Trains on every example, read through the analyser so that training and use see the same
   * features.
   *
   * @throws IllegalArgumentException if fewer than two events have examples
   */
  static DoccatIntentClassifier train(Collection<EventExamples> examples, FinnishAnalyser analyser, Settings settings) {
    List<DocumentSample> samples = new ArrayList<>();
    Set<String> events = new LinkedHashSet<>();
    for (EventExamples e : examples) {
      for (String text : e.examples()) {
        samples.add(new DocumentSample(e.event(), features(analyser.analyse(text))));
        events.add(e.event());
      }
    }
    if (events.size() < 2) {
      throw new IllegalArgumentException(
          "The event classifier needs example utterances for at least two events, found " + events
              + ". Add them under corpus/utterances/ (- event: <id>, examples: [...]).");
    }
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    try {
      DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()});
      return new DoccatIntentClassifier(
          DocumentCategorizerME.train("fi", ObjectStreamUtils.createObjectStream(samples), params, factory));
    } catch (IOException e) {
      throw new UncheckedIOException("Training the event classifier on " + samples.size() + " examples failed", e);
    }
  }

  /** A classifier written by {@link #write}: the model as OpenNLP serialises it. */
  static DoccatIntentClassifier read(InputStream in) throws IOException {
    try {
      return new DoccatIntentClassifier(new DoccatModel(in));
    } catch (RuntimeException e) {
      // OpenNLP reports some damaged models as runtime failures (a bad manifest, a missing artefact).
      throw new IOException("The stream does not hold a readable event classifier: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(OutputStream out) throws IOException {
    model.serialize(new java.io.FilterOutputStream(out) {
      @Override
      public void close() throws IOException {
        flush();
      }
    });
  }

  /** Trains with {@link Settings#DEFAULT}. */
  static DoccatIntentClassifier train(Collection<EventExamples> examples, FinnishAnalyser analyser) {
    return train(examples, analyser, Settings.DEFAULT);
  }

  /**
   * Words that say nothing about which event a turn is about: auxiliaries, pronouns and the
   * verbs of wanting and needing that every event's examples share.
   */
  private static final Set<String> UNINFORMATIVE =
      Set.of("olla", "ei", "ja", "tai", "sekä", "mutta", "kun", "jos", "että", "se", "ne", "minä", "mä", "me", "meidän",
          "mun", "haluta", "aikoa", "meinata", "pitää", "tarvita", "voida", "saada", "mikä", "miten", "kuinka",
          "joka", "jossa", "tämä", "mitä", "siitä", "myös", "vielä", "nyt", "vai", "niin");

  /**
   * The words the classifier sees: each informative word's lemma in lower case, the parts of
   * compounds, the knowledge concepts the word expresses, and numbers as one symbol, so that
   * "sikalaan", "sikalat" and "lihasikala" share features.
   */
  static String[] features(AnalysedText text) {
    List<String> out = new ArrayList<>();
    for (Token t : text.tokens()) {
      if (!t.isWord()) {
        continue;
      }
      if ("NUM".equals(t.pos()) && t.text().chars().anyMatch(Character::isDigit)) {
        out.add("<luku>");
        continue;
      }
      String lemma = t.lemma().toLowerCase(Locale.ROOT);
      if (UNINFORMATIVE.contains(lemma) || "AUX".equals(t.pos())) {
        continue;
      }
      out.add(lemma);
      if (t.compoundParts().size() > 1) {
        out.addAll(t.compoundParts());
      }
      for (String concept : t.concepts()) {
        out.add("#" + concept);
      }
    }
    return out.toArray(String[]::new);
  }

  @Override
  public List<EventSignal> classify(AnalysedText text, int limit) {
    String[] features = features(text);
    if (features.length == 0) {
      return List.of();
    }
    double[] p = new DocumentCategorizerME(model).categorize(features);
    List<EventSignal> out = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      out.add(new EventSignal(events.get(i), p[i]));
    }
    out.sort(Comparator.comparingDouble(EventSignal::confidence).reversed());
    return List.copyOf(out.subList(0, Math.min(limit, out.size())));
  }

  @Override
  public List<String> events() {
    return events;
  }

  @Override
  public void close() {
    // The model is plain Java memory; nothing to release.
  }
}
