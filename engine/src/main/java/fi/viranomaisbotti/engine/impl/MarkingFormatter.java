package fi.viranomaisbotti.engine.impl;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats a highlighted passage with two control characters around each match, which {@link
 * AnswerIndex} turns into offsets: the API returns plain text and ranges, never markup.
 */
final class MarkingFormatter extends PassageFormatter {
  static final char OPEN = '\u0002';
  static final char CLOSE = '\u0003';

  @Override
  public Object format(Passage[] passages, String content) {
    StringBuilder sb = new StringBuilder();
    for (Passage p : passages) {
      int pos = p.getStartOffset();
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = p.getMatchStarts()[i];
        int end = p.getMatchEnds()[i];
        if (start < pos) {
          continue;
        }
        sb.append(clean(content.substring(pos, start))).append(OPEN).append(clean(content.substring(start, end))).append(CLOSE);
        pos = end;
      }
      sb.append(clean(content.substring(pos, p.getEndOffset()))).append(' ');
    }
    return sb.toString();
  }

  private static String clean(String s) {
    return s.replace(OPEN, ' ').replace(CLOSE, ' ');
  }
}
