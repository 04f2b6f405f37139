package fi.viranomaisbotti.nlp.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentences of raw tokens with character offsets. Keeps e-mail addresses,
 * hyphenated and colon-inflected words ("y-tunnus", "EU:n", "26-vuotias") and decimal numbers
 * whole. Stateless and thread-safe.
 */
final class Segmenter {
  private static final Pattern TOKEN =
      Pattern.compile(
          "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"
              + "|\\p{N}+(?:[.,]\\p{N}+)*(?:[-:][\\p{L}]+)*"
              + "|[\\p{L}\\p{M}]+(?:[-'’:][\\p{L}\\p{M}\\p{N}]+)*"
              + "|[^\\s\\p{L}\\p{N}\\p{M}]");

  /** A token before analysis. */
  record RawToken(String text, int start, int end) {}

  /** A sentence before analysis. */
  record RawSentence(int start, int end, List<RawToken> tokens) {}

  public List<RawSentence> split(String text) {
    List<RawSentence> sentences = new ArrayList<>();
    List<RawToken> current = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    int lastEnd = 0;
    while (m.find()) {
      String gap = text.substring(lastEnd, m.start());
      if (!current.isEmpty() && gap.contains("\n\n")) {
        sentences.add(close(current));
        current = new ArrayList<>();
      }
      RawToken t = new RawToken(m.group(), m.start(), m.end());
      current.add(t);
      lastEnd = m.end();
      if (endsSentence(t, text, m.end())) {
        sentences.add(close(current));
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      sentences.add(close(current));
    }
    return sentences;
  }

  private static boolean endsSentence(RawToken t, String text, int end) {
    String s = t.text();
    if (!(s.equals(".") || s.equals("!") || s.equals("?"))) {
      return false;
    }
    int i = end;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= text.length()) {
      return true;
    }
    char next = text.charAt(i);
    return !Character.isLowerCase(next) && !Character.isDigit(next) || next == '\n';
  }

  private static RawSentence close(List<RawToken> tokens) {
    return new RawSentence(tokens.get(0).start(), tokens.get(tokens.size() - 1).end(), List.copyOf(tokens));
  }
}
