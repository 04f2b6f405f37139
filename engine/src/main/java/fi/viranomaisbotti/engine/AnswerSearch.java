package fi.viranomaisbotti.engine;

import java.util.List;

/**
 * The result of an answer-base search.
 *
 * @param didYouMean the query with misspelled words replaced by the analyser's best suggestion,
 *     or null when every word was recognised
 * @param municipality the municipality asked about, with the regional units serving it, or null
 * @param language the query's language as detected ("fi", "sv", "en" or "und")
 * @param notices remarks for the user, e.g. that the answers are in Finnish only
 */
public record AnswerSearch(
    String query,
    String audience,
    List<AnswerHit> hits,
    String didYouMean,
    Recommendation.Place municipality,
    String language,
    List<String> notices) {
  /** Answers are written in Finnish; a Swedish or English query rarely finds them. */
  static final String OTHER_LANGUAGE_NOTICE =
      "Vastaukset ovat toistaiseksi vain suomeksi; kirjoita haku suomeksi. Svaren finns ännu bara på"
          + " finska; sök gärna på finska. The answers are in Finnish only so far; please search in Finnish.";

  public AnswerSearch {
    hits = List.copyOf(hits);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
