package fi.viranomaisbotti.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words, numbers and single marks of a text with their offsets, read in one pass, for the
 * masker's finders that look at neighbouring words (addresses, names, birth dates). A word keeps
 * its hyphens, apostrophes and colon endings ("Etu-Töölö", "Oy:n"); white space is not a token.
 * Immutable.
 */
final class MaskTokens {
  /** One token; {@code lower} is its text in lower case. */
  record Tok(String text, String lower, int start, int end) {
    boolean isWord() {
      return Character.isLetter(text.codePointAt(0));
    }

    boolean isNumber() {
      return text.charAt(0) >= '0' && text.charAt(0) <= '9';
    }

    boolean isCapitalised() {
      return Character.isUpperCase(text.codePointAt(0));
    }

    boolean is(String s) {
      return text.equals(s);
    }
  }

  private final String text;
  private final List<Tok> tokens;

  private MaskTokens(String text, List<Tok> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  static MaskTokens of(String text) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      if (cp >= '0' && cp <= '9') {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
      } else if (Character.isLetter(cp)) {
        i = letters(text, i);
        while (i + 1 < text.length() && "-'’:".indexOf(text.charAt(i)) >= 0 && Character.isLetter(text.codePointAt(i + 1))) {
          i = letters(text, i + 1);
        }
      } else {
        i += Character.charCount(cp);
      }
      String t = text.substring(start, i);
      out.add(new Tok(t, t.toLowerCase(Locale.ROOT), start, i));
    }
    return new MaskTokens(text, List.copyOf(out));
  }

  private static int letters(String text, int from) {
    int i = from;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int type = Character.getType(cp);
      if (!Character.isLetter(cp) && type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  int size() {
    return tokens.size();
  }

  Tok get(int i) {
    return tokens.get(i);
  }

  /** The token at {@code i}, or null outside the text. */
  Tok at(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  /** Whether token {@code i} follows token {@code i - 1} on the same line, with at most two spaces between. */
  boolean follows(int i) {
    if (i <= 0 || i >= tokens.size()) {
      return false;
    }
    int gap = tokens.get(i).start() - tokens.get(i - 1).end();
    return gap <= 2 && text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).indexOf('\n') < 0;
  }

  /** Whether token {@code i} touches the one before it, with nothing between. */
  boolean touches(int i) {
    return i > 0 && i < tokens.size() && tokens.get(i).start() == tokens.get(i - 1).end();
  }

  /** Whether token {@code i} begins a sentence or a line, where any word may be capitalised. */
  boolean startsSentence(int i) {
    if (i == 0) {
      return true;
    }
    Tok before = tokens.get(i - 1);
    if (before.is(".") || before.is("!") || before.is("?") || before.is(":") || before.is("\"") || before.is("–")
        || before.is("-")) {
      return true;
    }
    return text.substring(before.end(), tokens.get(i).start()).indexOf('\n') >= 0;
  }
}
