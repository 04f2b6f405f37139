package fi.viranomaisbotti.nlp.eval;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.IntentClassifier;
import fi.viranomaisbotti.nlp.LanguageDetector;
import fi.viranomaisbotti.nlp.LanguageGuess;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Latency of reading one 40-word Finnish chat turn, once the JVM and the caches are warm. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyseTurnBenchmark {
  /** Forty words: a realistic first turn with a number, an age, a place, a season, negation and a question. */
  static final String TURN =
      "Olen 26-vuotias maatalousopiskelija Seinäjoelta ja aion ensi kesänä perustaa luomutilan, jossa on noin 600"
          + " sikapaikkaa ja pieni kahvila. En aio palkata työntekijöitä heti enkä myy alkoholia, mutta tarvitsenko"
          + " ympäristöluvan sikalalle ja ilmoituksen kahvilasta kunnan ympäristöviranomaiselle ennen rakentamista, kauanko se kestää?";

  private Morphology morphology;
  private FinnishAnalyser analyser;
  private LanguageDetector languages;
  private IntentClassifier events;
  private AnalysedText analysed;

  @Setup(Level.Trial)
  public void open() {
    morphology = Morphology.voikko(1);
    KnowledgeSnapshot k = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", getClass().getClassLoader()));
    analyser = new FinnishAnalyser(morphology, Vocabulary.of(k.concepts().values(), k.municipalities().values()));
    languages = LanguageDetector.combined(morphology);
    events = IntentClassifier.train(k.examples(), analyser);
    analysed = analyser.analyse(TURN);
  }

  @TearDown(Level.Trial)
  public void close() {
    events.close();
    morphology.close();
  }

  @Benchmark
  public AnalysedText analyseTurn() {
    return analyser.analyse(TURN);
  }

  @Benchmark
  public LanguageGuess detectLanguage() {
    return languages.detect(TURN);
  }

  @Benchmark
  public Object classifyEvents() {
    return events.classify(analysed, 3);
  }

  static int words(String text) {
    return List.of(text.split("\\s+")).size();
  }
}
