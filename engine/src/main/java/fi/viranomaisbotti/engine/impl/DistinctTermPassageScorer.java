package fi.viranomaisbotti.engine.impl;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Scores a candidate passage with the highlighter's own BM25-like parts (weight of a term in the
 * document, its frequency in the passage, the passage's position), counting each distinct query
 * term once. The stock scorer finds the distinct terms with a hash that allocates 32 KiB per
 * passage; a passage has a handful of matches, so comparing them pairwise is cheaper and
 * allocates nothing. At 100,000 documents this was a third of the bytes a query allocated.
 */
final class DistinctTermPassageScorer extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] inDocument = passage.getMatchTermFreqsInDoc();
    double sum = 0;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          inPassage++;
        }
      }
      sum += tf(inPassage, passage.getLength()) * weight(contentLength, inDocument[i]);
    }
    return (float) (sum * norm(passage.getStartOffset()));
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) {
      if (terms[j].bytesEquals(terms[i])) {
        return true;
      }
    }
    return false;
  }
}
