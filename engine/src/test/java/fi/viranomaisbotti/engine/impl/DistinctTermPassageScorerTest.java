package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class DistinctTermPassageScorerTest {
  private final PassageScorer stock = new PassageScorer();
  private final DistinctTermPassageScorer ours = new DistinctTermPassageScorer();

  private static Passage passage(int start, int end, String... termsWithDocFreq) {
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(end);
    int offset = start;
    for (String t : termsWithDocFreq) {
      String[] parts = t.split(":");
      p.addMatch(offset, offset + parts[0].length(), new BytesRef(parts[0]), Integer.parseInt(parts[1]));
      offset += parts[0].length() + 1;
    }
    return p;
  }

  @Test
  void scoresLikeTheStockScorerWithRepeatedTerms() {
    Passage p = passage(40, 160, "sika:3", "luomu:1", "sika:3", "tila:7", "sika:3", "luomu:1");
    assertThat(ours.score(p, 900)).isCloseTo(stock.score(p, 900), within(1e-5f));
  }

  @Test
  void scoresLikeTheStockScorerForSingleAndNoMatches() {
    Passage one = passage(0, 80, "kahvila:2");
    Passage none = passage(0, 80);
    assertThat(ours.score(one, 300)).isCloseTo(stock.score(one, 300), within(1e-5f));
    assertThat(ours.score(none, 300)).isZero();
  }

  @Test
  void aRepeatedTermCountsLessThanADistinctOne() {
    Passage repeated = passage(0, 100, "sika:2", "sika:2");
    Passage distinct = passage(0, 100, "sika:2", "tila:2");
    assertThat(ours.score(distinct, 500)).isGreaterThan(ours.score(repeated, 500));
  }
}
