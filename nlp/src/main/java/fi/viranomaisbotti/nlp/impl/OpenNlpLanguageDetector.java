package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.LanguageDetector;
import fi.viranomaisbotti.nlp.LanguageGuess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Apache OpenNLP's pre-trained language detector (103 languages, character n-grams), reduced to
 * Finnish, Swedish and English. Weak on one-line turns, so used as one signal among several and
 * as the baseline in the evaluation. Thread-safe: the model is shared and read-only, and each
 * call makes its own {@link LanguageDetectorME}, which is not thread-safe.
 */
final class OpenNlpLanguageDetector implements LanguageDetector {
  /** The model inside {@code org.apache.opennlp:opennlp-models-langdetect}. */
  static final String MODEL_RESOURCE = "/langdetect-183.bin";

  private static final Map<String, String> ISO_639_1 = Map.of("fin", "fi", "swe", "sv", "eng", "en");

  /** Loads the 10 MB model once per class loader, on first use. */
  private static final class ModelHolder {
    static final LanguageDetectorModel MODEL = load();

    private static LanguageDetectorModel load() {
      try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "The OpenNLP language model " + MODEL_RESOURCE + " is not on the class path. Add the dependency"
                  + " org.apache.opennlp:opennlp-models-langdetect to the module.");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the OpenNLP language model " + MODEL_RESOURCE, e);
      }
    }
  }

  /** Probabilities of fi, sv and en (in that order), renormalised to sum to one. */
  double[] probabilities(String text) {
    Language[] all = new LanguageDetectorME(ModelHolder.MODEL).predictLanguages(text);
    double[] p = new double[3];
    for (Language l : all) {
      String code = ISO_639_1.get(l.getLang());
      if (code != null) {
        p[LanguageScores.index(code)] = l.getConfidence();
      }
    }
    double sum = p[0] + p[1] + p[2];
    if (sum <= 0) {
      return new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3};
    }
    for (int i = 0; i < 3; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Override
  public LanguageGuess detect(String text) {
    if (text.codePoints().noneMatch(Character::isLetter)) {
      return LanguageGuess.UNDETERMINED;
    }
    double[] p = probabilities(text);
    int best = LanguageScores.argmax(p);
    return new LanguageGuess(LanguageScores.CODES.get(best), p[best]);
  }

  @Override
  public void close() {
    // The model is shared by the holder; nothing is owned per instance.
  }
}
