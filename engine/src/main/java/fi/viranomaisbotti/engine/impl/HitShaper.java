package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shapes search results for callers: a highlighted passage into plain text with character
 * ranges, and a result into an {@link AnswerHit}. Stateless apart from the related items;
 * thread-safe.
 */
final class HitShaper {
  private final RelatedItems related;

  HitShaper(RelatedItems related) {
    this.related = related;
  }

  /**
   * A result whose snippet is the passage with the highlighter's marks taken out and turned
   * into ranges, or the start of the citizen text when no passage was marked.
   */
  static AnswerIndex.Result result(Answer a, float score, String marked) {
    if (marked == null || marked.isBlank()) {
      return new AnswerIndex.Result(a, score, snippet(a.citizenText()), List.of());
    }
    List<int[]> marks = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < marked.length()) {
      int open = marked.indexOf(MarkingFormatter.OPEN, i);
      if (open < 0) {
        plain.append(marked, i, marked.length());
        break;
      }
      int close = marked.indexOf(MarkingFormatter.CLOSE, open);
      plain.append(marked, i, open);
      int start = plain.length();
      plain.append(marked, open + 1, close);
      marks.add(new int[] {start, plain.length()});
      i = close + 1;
    }
    return new AnswerIndex.Result(a, score, plain.toString().strip(), marks);
  }

  /** The first 200 characters of a text, cut at a space when one is near. */
  static String snippet(String text) {
    String t = text.strip();
    if (t.length() <= 200) {
      return t;
    }
    int cut = t.lastIndexOf(' ', 200);
    return t.substring(0, cut > 100 ? cut : 200) + " …";
  }

  /** The hit as callers see it; official notes only for officials. */
  AnswerHit hit(AnswerIndex.Result r, Audience audience) {
    Answer a = r.answer();
    return new AnswerHit(
        a.id(),
        a.name().fi(),
        r.snippet(),
        r.score(),
        a.citizenText(),
        audience == Audience.OFFICIAL ? a.officialNotes() : null,
        a.related(),
        a.meta().source(),
        a.meta().status().name().toLowerCase(Locale.ROOT),
        r.highlights(),
        related.of(a));
  }
}
