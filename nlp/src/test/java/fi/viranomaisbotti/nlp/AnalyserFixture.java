package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import java.time.Clock;
import java.time.Instant;

/**
 * One real Voikko morphology and the corpus knowledge for the integration tests of this package,
 * opened once per test JVM; the clock stands on 22 November 2026 at noon, Finnish time.
 */
final class AnalyserFixture {
  static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), FinnishAnalyser.FINLAND);

  private static final class Holder {
    static final Morphology MORPHOLOGY = Morphology.voikko(2);
    static final KnowledgeSnapshot KNOWLEDGE =
        new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", AnalyserFixture.class.getClassLoader()));
    static final FinnishAnalyser ANALYSER =
        new FinnishAnalyser(
            MORPHOLOGY,
            Vocabulary.of(KNOWLEDGE.concepts().values(), KNOWLEDGE.municipalities().values()),
            LanguageDetector.combined(MORPHOLOGY),
            NOVEMBER_2026);
  }

  private AnalyserFixture() {}

  static FinnishAnalyser analyser() {
    return Holder.ANALYSER;
  }

  static Morphology morphology() {
    return Holder.MORPHOLOGY;
  }

  static KnowledgeSnapshot knowledge() {
    return Holder.KNOWLEDGE;
  }
}
