package fi.viranomaisbotti.engine;

import java.util.List;

/**
 * The result of an answer-base search.
 *
 * @param didYouMean the query with misspelled words replaced by the analyser's best suggestion,
 *     or null when every word was recognised
 * @param municipality the municipality asked about, with the regional units serving it, or null
 */
public record AnswerSearch(
    String query, String audience, List<AnswerHit> hits, String didYouMean, Recommendation.Place municipality) {
  public AnswerSearch {
    hits = List.copyOf(hits);
  }
}
