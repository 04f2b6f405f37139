package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.PersonalDataMasker;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Times the segmenter, the masker and the whole analyser on the worst inputs of issue 11 and on a
 * long ordinary text, each 10,000 characters (the longest accepted): the median of
 * {@value #ROUNDS} runs after {@value #WARM_UP} warm-up runs, printed as a Markdown table for
 * docs/benchmarks.md, and the whole analyser on a quarter and a half of the worst texts, to show
 * that the cost grows linearly with the length. A timing is a figure, never an assertion. Run it with
 * {@code mvn -B -q -pl nlp -am verify -Dtest=HostileInputTimingEval -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class HostileInputTimingEval {
  private static final int WARM_UP = 10;
  private static final int ROUNDS = 15;
  private static final int LENGTH = FinnishAnalyser.MAX_TEXT_LENGTH;

  static Map<String, String> inputs() {
    Map<String, String> in = new LinkedHashMap<>();
    for (String unit : new String[] {"a-", "1.", "1,", "a:", "a'", "ä-", "a.", "a. ", "A. ", "!", "1 ", "a ", "ei ", "040 ", "x"}) {
      in.put("\"" + unit + "\" × n", fill(unit));
    }
    in.put("\"a@\" + \"b.\" × n", ("a@" + "b.".repeat(LENGTH)).substring(0, LENGTH));
    in.put("\"a\" × n + \"@b\"", "a".repeat(LENGTH - 2) + "@b");
    in.put("\"@ \" + \"a\" × n", "@ " + "a".repeat(LENGTH - 2));
    in.put("\"http \" + \"a\" × n", "http " + "a".repeat(LENGTH - 5));
    in.put("ordinary text", fill("Haluan perustaa kahvilan Seinäjoelle ja myydä olutta terassilla, en vielä palkkaa ketään. "));
    return in;
  }

  private static String fill(String unit) {
    return unit.repeat(LENGTH / unit.length() + 1).substring(0, LENGTH);
  }

  @Test
  void printsTheMedianTimeOfEachWorstInput() {
    try (Morphology morphology = Morphology.voikko(1)) {
      KnowledgeSnapshot k = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", getClass().getClassLoader()));
      FinnishAnalyser analyser =
          new FinnishAnalyser(morphology, Vocabulary.of(k.concepts().values(), k.municipalities().values()));
      Segmenter segmenter = new Segmenter();
      PersonalDataMasker masker = new PersonalDataMasker(morphology);
      StringBuilder table = new StringBuilder("| input (10,000 characters) | segmenter (ms) | masker (ms) | whole analyser (ms) |\n");
      table.append("|---|---:|---:|---:|\n");
      for (var e : inputs().entrySet()) {
        String text = e.getValue();
        table.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", e.getKey(),
            median(text, segmenter::split), median(text, masker::find), median(text, analyser::analyse)));
      }
      table.append("\n| input | 2,500 characters (ms) | 5,000 (ms) | 10,000 (ms) |\n|---|---:|---:|---:|\n");
      for (String key : new String[] {"\"a.\" × n", "\"a. \" × n", "\"!\" × n", "\"1 \" × n", "ordinary text"}) {
        String text = inputs().get(key);
        table.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", key,
            median(text.substring(0, LENGTH / 4), analyser::analyse), median(text.substring(0, LENGTH / 2), analyser::analyse),
            median(text, analyser::analyse)));
      }
      System.out.println(table);
    }
  }

  private static String median(String text, Consumer<String> step) {
    double[] ms = new double[ROUNDS];
    try {
      for (int i = 0; i < WARM_UP; i++) {
        step.accept(text);
      }
      for (int i = 0; i < ROUNDS; i++) {
        long start = System.nanoTime();
        step.accept(text);
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
    } catch (StackOverflowError | RuntimeException e) {
      return e.getClass().getSimpleName();
    }
    Arrays.sort(ms);
    return String.format(Locale.ROOT, "%.1f", ms[ROUNDS / 2]);
  }
}
