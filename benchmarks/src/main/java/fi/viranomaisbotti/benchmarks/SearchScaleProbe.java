package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.FinnishLuceneAnalyzer;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.LocalizedText;
import fi.viranomaisbotti.knowledge.Meta;
import fi.viranomaisbotti.knowledge.SearchJudgment;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Answer search at growing index sizes: the corpus answers, plus the 458 PTV general
 * descriptions (read from ../shared/data at benchmark time only), plus synthetic documents made
 * by shuffling sentences of those texts, up to 100,000 documents, indexed in a shuffled order.
 * Reports quality on the judgments (distractors only make it harder) and the latency of every
 * judged query (citizen audience, top 10 with passages) over {@code probe.rounds} rounds after
 * {@code probe.warmup} rounds; {@code -Dprobe.slowest=true} lists the slowest queries, {@code
 * -Dprobe.gc=true} collects the build's garbage before the warm-up. Run:
 * {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.SearchScaleProbe ../shared/data/ptv_general_descriptions_gd_fi.jsonl [sizes…]}
 */
public final class SearchScaleProbe {
  /** Rounds over every judged query before measuring, so that the JIT has compiled the search. */
  private static final int WARM_UP_ROUNDS = Integer.getInteger("probe.warmup", 5);

  private static final int MEASURED_ROUNDS = Integer.getInteger("probe.rounds", 10);

  private SearchScaleProbe() {}

  /** The given share's value of sorted nanosecond times, in milliseconds. */
  private static double percentile(List<Long> sorted, double share) {
    return sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * share)) / 1e6;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  public static void main(String[] args) throws Exception {
    Path ptv = Path.of(args.length > 0 ? args[0] : "../shared/data/ptv_general_descriptions_gd_fi.jsonl");
    int[] sizes = args.length > 1
        ? java.util.Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
        : new int[] {0, 1_000, 10_000, 100_000};
    KnowledgeSnapshot k = Fixtures.corpus();
    Map<String, Answer> ptvDocs = SearchEval.ptvDocuments(ptv);
    List<String> sentences = new ArrayList<>();
    ptvDocs.values().forEach(a -> sentences.addAll(Arrays.asList(a.citizenText().split("(?<=[.!?])\\s+"))));
    k.answers().values().forEach(a -> sentences.addAll(Arrays.asList(a.citizenText().split("(?<=[.!?])\\s+"))));
    Function<String, String> nameOf = id -> k.item(id).map(i -> i.name().fi()).orElse("");
    System.out.println("| documents | index build (s) | nDCG@5 | MRR | recall@10 | query p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    try (Morphology morphology = Morphology.voikko(2)) {
      FinnishAnalyser finnish =
          new FinnishAnalyser(morphology, Vocabulary.of(k.concepts().values(), k.municipalities().values()));
      for (int size : sizes) {
        Map<String, Answer> docs = new LinkedHashMap<>(k.answers());
        if (size > 0) {
          docs.putAll(ptvDocs);
          Random random = new Random(size);
          Meta meta = new Meta("synthetic (benchmark only)", "benchmark", LocalDate.of(2026, 1, 1), null);
          for (int i = 0; docs.size() < size; i++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 5; s++) {
              text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            String title = sentences.get(random.nextInt(sentences.size()));
            docs.put("synth-" + i, new Answer("synth-" + i, LocalizedText.fi(title.length() > 80 ? title.substring(0, 80) : title),
                List.of(), text.toString(), null, List.of(), List.of(), null, meta));
          }
        }
        // Documents in a shuffled order: with the judged answers first, the best scores are found
        // at once and Lucene skips the rest, which flatters the latency.
        List<Map.Entry<String, Answer>> shuffled = new ArrayList<>(docs.entrySet());
        java.util.Collections.shuffle(shuffled, new Random(42));
        docs = new LinkedHashMap<>();
        for (Map.Entry<String, Answer> e : shuffled) {
          docs.put(e.getKey(), e.getValue());
        }
        long t0 = System.nanoTime();
        try (AnswerIndex index = new AnswerIndex(new FinnishLuceneAnalyzer(finnish), docs, nameOf)) {
          double buildSeconds = (System.nanoTime() - t0) / 1e9;
          if (Boolean.getBoolean("probe.gc")) {
            System.gc();
          }
          var scores = SearchEval.evaluate(index, k.judgments()).get("all");
          List<Long> times = new ArrayList<>();
          Map<String, List<Long>> perQuery = new LinkedHashMap<>();
          for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            for (SearchJudgment j : k.judgments()) {
              long q0 = System.nanoTime();
              index.search(j.query(), Audience.CITIZEN, 10, AnswerIndex.Filter.NONE);
              long took = System.nanoTime() - q0;
              if (round >= WARM_UP_ROUNDS) {
                times.add(took);
                perQuery.computeIfAbsent(j.query(), q -> new ArrayList<>()).add(took);
              }
            }
          }
          if (Boolean.getBoolean("probe.slowest")) {
            perQuery.entrySet().stream()
                .sorted((a, b) -> Long.compare(median(b.getValue()), median(a.getValue())))
                .limit(15)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %.2f ms  %s%n", median(e.getValue()) / 1e6, e.getKey()));
          }
          times.sort(Long::compare);
          System.out.printf(Locale.ROOT, "| %,d | %.1f | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f | %.1f |%n", index.size(),
              buildSeconds, scores.ndcg5(), scores.mrr(), scores.recall10(), percentile(times, 0.50),
              percentile(times, 0.95), percentile(times, 0.99), times.get(times.size() - 1) / 1e6);
        }
      }
    }
  }
}
