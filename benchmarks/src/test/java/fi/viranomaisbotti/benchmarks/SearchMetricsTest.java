package fi.viranomaisbotti.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchMetricsTest {
  private static final Map<String, Integer> GRADES = Map.of("oikea", 3, "osittain", 2, "sivuava", 1);

  @Test
  void aPerfectRankingScoresOne() {
    List<String> ideal = List.of("oikea", "osittain", "sivuava");
    assertThat(SearchEval.ndcg(ideal, GRADES, 5)).isCloseTo(1.0, within(1e-9));
    assertThat(SearchEval.reciprocalRank(ideal, GRADES)).isEqualTo(1.0);
    assertThat(SearchEval.recall(ideal, GRADES, 10)).isEqualTo(1.0);
  }

  @Test
  void theRightAnswerAtRankThreeCostsWhatTheFormulasSay() {
    List<String> ranked = List.of("muu", "toinen", "oikea");
    // DCG = (2^3 − 1) / log2(4) = 3.5; IDCG = 7/1 + 3/log2(3) + 1/2.
    double idcg = 7 + 3 / (Math.log(3) / Math.log(2)) + 0.5;
    assertThat(SearchEval.ndcg(ranked, GRADES, 5)).isCloseTo(3.5 / idcg, within(1e-9));
    assertThat(SearchEval.reciprocalRank(ranked, GRADES)).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(SearchEval.recall(ranked, GRADES, 10)).isCloseTo(1 / 3.0, within(1e-9));
  }

  @Test
  void onlyAnswersGradedTwoOrThreeCountForTheReciprocalRank() {
    assertThat(SearchEval.reciprocalRank(List.of("sivuava", "osittain"), GRADES)).isEqualTo(0.5);
    assertThat(SearchEval.reciprocalRank(List.of("sivuava", "muu"), GRADES)).isZero();
  }
}
