package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.FinnishLuceneAnalyzer;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.SearchJudgment;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Search quality on the corpus judgments, for our Finnish analysis and two Lucene baselines in
 * one run: nDCG@5 (graded gains 2^g − 1), MRR (rank of the first answer graded 2 or 3) and
 * recall@10 (share of answers graded 1–3 in the top ten). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.SearchEval [--tune] [docs/search-evaluation.md]};
 * {@code --tune} adds the field-weight grid search (under a minute on this machine).
 */
public final class SearchEval {
  private SearchEval() {}

  /** Quality of one method, overall and per query style. */
  record Scores(double ndcg5, double mrr, double recall10, int queries) {}

  public static void main(String[] args) throws IOException {
    KnowledgeSnapshot k = Fixtures.corpus();
    if (k.judgments().isEmpty()) {
      System.err.println("The corpus has no search judgments (judgments/*.yaml).");
      System.exit(1);
    }
    StringBuilder report = new StringBuilder();
    try (Morphology morphology = Morphology.voikko(2)) {
      FinnishAnalyser finnish =
          new FinnishAnalyser(morphology, Vocabulary.of(k.concepts().values(), k.municipalities().values()));
      Map<String, Analyzer> methods = new LinkedHashMap<>();
      methods.put("Viranomaisbotti (Voikko lemmas, compound parts, concepts)", new FinnishLuceneAnalyzer(finnish));
      methods.put("Lucene FinnishAnalyzer (stemming)", new FinnishAnalyzer());
      methods.put("Lucene StandardAnalyzer", new StandardAnalyzer());
      Function<String, String> nameOf = id -> k.item(id).map(i -> i.name().fi()).orElse("");
      report.append(header(k));
      Map<String, Map<String, Scores>> all = new LinkedHashMap<>();
      for (Map.Entry<String, Analyzer> m : methods.entrySet()) {
        try (AnswerIndex index = new AnswerIndex(m.getValue(), k.answers(), nameOf)) {
          all.put(m.getKey(), evaluate(index, k.judgments()));
        }
      }
      report.append(table(all));
      if (List.of(args).contains("--tune")) {
        report.append(tuning(new FinnishLuceneAnalyzer(finnish), k, nameOf));
      }
    }
    String out = report.toString();
    System.out.print(out);
    for (String a : args) {
      if (a.endsWith(".md")) {
        Files.writeString(Path.of(a), out, StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Grid search over field weights on every other judgment, scored on the other half, so the
   * figure for the chosen weights is not measured on the queries that chose them.
   */
  private static String tuning(Analyzer analyzer, KnowledgeSnapshot k, Function<String, String> nameOf) {
    List<SearchJudgment> tune = new ArrayList<>();
    List<SearchJudgment> held = new ArrayList<>();
    for (int i = 0; i < k.judgments().size(); i++) {
      (i % 2 == 0 ? tune : held).add(k.judgments().get(i));
    }
    float[] titles = {2f, 3f, 4f};
    float[] questions = {1.5f, 2.5f, 3.5f};
    float[] keywords = {1f, 2f, 3f};
    float[] related = {0.5f, 1.5f};
    float[] texts = {0.5f, 1f, 1.5f};
    double best = -1;
    Map<String, Float> bestWeights = null;
    for (float ti : titles) {
      for (float q : questions) {
        for (float kw : keywords) {
          for (float r : related) {
            for (float te : texts) {
              Map<String, Float> w = Map.of("title", ti, "questions", q, "keywords", kw, "related", r, "text", te);
              try (AnswerIndex index = new AnswerIndex(analyzer, k.answers(), nameOf, w)) {
                double score = evaluate(index, tune).get("all").ndcg5();
                if (score > best) {
                  best = score;
                  bestWeights = w;
                }
              }
            }
          }
        }
      }
    }
    double current;
    double chosen;
    try (AnswerIndex index = new AnswerIndex(analyzer, k.answers(), nameOf)) {
      current = evaluate(index, held).get("all").ndcg5();
    }
    try (AnswerIndex index = new AnswerIndex(analyzer, k.answers(), nameOf, bestWeights)) {
      chosen = evaluate(index, held).get("all").ndcg5();
    }
    return String.format(Locale.ROOT,
        "%n## Field weights%n%nGrid search (162 weightings) on the %d even-numbered judgments; nDCG@5 on the %d others:"
            + " shipped weights %s → %.3f; best on the tuning half %s → %.3f (%.3f on the tuning half).%n",
        tune.size(), held.size(), new java.util.TreeMap<>(AnswerIndex.CITIZEN_FIELDS), current,
        new java.util.TreeMap<>(bestWeights), chosen, best);
  }

  static Map<String, Scores> evaluate(AnswerIndex index, List<SearchJudgment> judgments) {
    Map<String, List<double[]>> byStyle = new TreeMap<>();
    for (SearchJudgment j : judgments) {
      Audience audience = j.audience().equals("official") ? Audience.OFFICIAL : Audience.CITIZEN;
      List<String> ranked = index.search(j.query(), audience, 10, AnswerIndex.Filter.NONE).stream()
          .map(r -> r.answer().id()).toList();
      double[] s = {ndcg(ranked, j.relevant(), 5), reciprocalRank(ranked, j.relevant()), recall(ranked, j.relevant(), 10)};
      byStyle.computeIfAbsent("all", x -> new ArrayList<>()).add(s);
      byStyle.computeIfAbsent(j.style() == null ? "unspecified" : j.style(), x -> new ArrayList<>()).add(s);
    }
    Map<String, Scores> out = new LinkedHashMap<>();
    out.put("all", mean(byStyle.remove("all")));
    byStyle.forEach((style, list) -> out.put(style, mean(list)));
    return out;
  }

  public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
    for (int i = 0; i < ranked.size(); i++) {
      if (grades.getOrDefault(ranked.get(i), 0) >= 2) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
    long found = ranked.stream().limit(k).filter(grades::containsKey).count();
    return grades.isEmpty() ? 0 : (double) found / grades.size();
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static Scores mean(List<double[]> list) {
    double[] sum = new double[3];
    list.forEach(s -> {
      for (int i = 0; i < 3; i++) {
        sum[i] += s[i];
      }
    });
    return new Scores(sum[0] / list.size(), sum[1] / list.size(), sum[2] / list.size(), list.size());
  }

  private static String header(KnowledgeSnapshot k) {
    return "# Answer search evaluation\n\n"
        + "Generated by `java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.SearchEval --tune docs/search-evaluation.md`\n"
        + "(build first: `mvn -B -q -DskipTests package`). Knowledge " + k.version() + ": " + k.answers().size()
        + " answers, " + k.judgments().size() + " judged queries (corpus/…/judgments/).\n\n"
        + "Metrics: nDCG@5 with gains 2^grade − 1; MRR = 1 / rank of the first answer graded 2 or 3 (0 if none in the"
        + " top 10); recall@10 = share of the answers graded 1–3 that appear in the top 10. All three methods index the"
        + " same fields with the same weights and the same query construction; only the analysis differs.\n\n";
  }

  private static String table(Map<String, Map<String, Scores>> all) {
    StringBuilder sb = new StringBuilder("## Overall\n\n| method | nDCG@5 | MRR | recall@10 | queries |\n|---|---|---|---|---|\n");
    all.forEach((method, scores) -> {
      Scores s = scores.get("all");
      sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", method, s.ndcg5(), s.mrr(), s.recall10(), s.queries()));
    });
    sb.append("\n## nDCG@5 by query style\n\n| style | queries |");
    all.keySet().forEach(m -> sb.append(' ').append(m.split(" \\(")[0]).append(" |"));
    sb.append("\n|---|---|");
    all.keySet().forEach(m -> sb.append("---|"));
    sb.append('\n');
    Map<String, Scores> ours = all.values().iterator().next();
    for (String style : ours.keySet()) {
      if (style.equals("all")) {
        continue;
      }
      sb.append("| ").append(style).append(" | ").append(ours.get(style).queries()).append(" |");
      all.values().forEach(scores -> sb.append(String.format(Locale.ROOT, " %.3f |", scores.get(style).ndcg5())));
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Answers from the PTV general descriptions (third-party text, used only here, never stored). */
  static Map<String, Answer> ptvDocuments(Path jsonl) throws IOException {
    Map<String, Answer> out = new LinkedHashMap<>();
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var meta = new fi.viranomaisbotti.knowledge.Meta("PTV general description (benchmark only)", "ptv", java.time.LocalDate.of(2026, 1, 1), null);
    int n = 0;
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      var node = mapper.readTree(line);
      String id = "ptv-" + (n++);
      out.put(id, new Answer(id, fi.viranomaisbotti.knowledge.LocalizedText.fi(node.path("name_fi").asText()),
          List.of(node.path("short_description_fi").asText()), node.path("description_fi").asText(), null,
          List.of(), List.of(), null, meta));
    }
    return out;
  }
}
