package fi.viranomaisbotti.nlp.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits text into sentences of raw tokens with character offsets. Keeps e-mail addresses,
 * hyphenated and colon-inflected words ("y-tunnus", "EU:n", "26-vuotias") and decimal numbers
 * whole. Stateless and thread-safe.
 *
 * <p>A hand-written scanner rather than a regular expression: the expression it replaces recursed
 * once per repetition of a group ("a-a-a-…" overflowed the stack at about 6,000 characters) and
 * tried the e-mail alternative from every position of a long run (quadratic time). Here every
 * character is read a bounded number of times: each token is scanned once, and whether a run of
 * e-mail characters ends in an address is decided once per run.
 */
final class Segmenter {
  /** A token before analysis. */
  record RawToken(String text, int start, int end) {}

  /** A sentence before analysis. */
  record RawSentence(int start, int end, List<RawToken> tokens) {}

  public List<RawSentence> split(String text) {
    List<RawSentence> sentences = new ArrayList<>();
    List<RawToken> current = new ArrayList<>();
    Scanner scanner = new Scanner(text);
    int lastEnd = 0;
    for (RawToken t = scanner.next(); t != null; t = scanner.next()) {
      if (!current.isEmpty() && hasBlankLine(text, lastEnd, t.start())) {
        sentences.add(close(current));
        current = new ArrayList<>();
      }
      current.add(t);
      lastEnd = t.end();
      if (endsSentence(t, text, t.end())) {
        sentences.add(close(current));
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      sentences.add(close(current));
    }
    return sentences;
  }

  /** Reads tokens left to right; one instance per text. */
  private static final class Scanner {
    private final String text;
    private int at;
    /** The run of e-mail characters last examined, and whether it is followed by "@domain". */
    private int runStart = -1;
    private int runEnd = -1;
    private int emailEnd = -1;

    Scanner(String text) {
      this.text = text;
    }

    /** The next token, or null at the end of the text. */
    RawToken next() {
      while (at < text.length() && isSpace(text.codePointAt(at))) {
        at += Character.charCount(text.codePointAt(at));
      }
      if (at >= text.length()) {
        return null;
      }
      int start = at;
      int cp = text.codePointAt(at);
      int email = emailEndingAfter(start);
      if (email > 0) {
        at = email;
      } else if (isNumber(cp)) {
        at = number(start);
      } else if (Character.isLetter(cp) || isMark(cp)) {
        at = word(start);
      } else {
        at = start + Character.charCount(cp);
      }
      return new RawToken(text.substring(start, at), start, at);
    }

    /**
     * Where an e-mail address starting at {@code start} ends, or -1. The local part runs to the
     * end of the run of e-mail characters that holds {@code start}, so the answer is the same for
     * every position of a run and is worked out once per run.
     */
    private int emailEndingAfter(int start) {
      if (!isLocalPart(text.codePointAt(start))) {
        return -1;
      }
      if (start < runStart || start >= runEnd) {
        runStart = start;
        runEnd = start;
        while (runEnd < text.length() && isLocalPart(text.codePointAt(runEnd))) {
          runEnd += Character.charCount(text.codePointAt(runEnd));
        }
        emailEnd = runEnd < text.length() && text.charAt(runEnd) == '@' ? domainEnd(runEnd + 1) : -1;
      }
      return emailEnd;
    }

    /** The end of "label(.label)+" from {@code from}, or -1 if there is no dot-separated label. */
    private int domainEnd(int from) {
      int i = label(from);
      if (i == from) {
        return -1;
      }
      int end = -1;
      while (i < text.length() && text.charAt(i) == '.') {
        int next = label(i + 1);
        if (next == i + 1) {
          break;
        }
        end = next;
        i = next;
      }
      return end;
    }

    private int label(int from) {
      int i = from;
      while (i < text.length() && isDomainPart(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      return i;
    }

    /** Digits, then ".5"/",5" groups, then "-luvulla"/":n" endings: "1,5", "26-vuotias", "2027:n". */
    private int number(int from) {
      int i = run(from, Segmenter::isNumber);
      while (i + 1 < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ',')
          && isNumber(text.codePointAt(i + 1))) {
        i = run(i + 1, Segmenter::isNumber);
      }
      while (i + 1 < text.length() && (text.charAt(i) == '-' || text.charAt(i) == ':')
          && Character.isLetter(text.codePointAt(i + 1))) {
        i = run(i + 1, Character::isLetter);
      }
      return i;
    }

    /** Letters, then parts joined by a hyphen, apostrophe or colon: "y-tunnus", "EU:n", "rock'n'roll". */
    private int word(int from) {
      int i = run(from, cp -> Character.isLetter(cp) || isMark(cp));
      while (i + 1 < text.length() && isJoiner(text.charAt(i)) && isWordPart(text.codePointAt(i + 1))) {
        i = run(i + 1, Scanner::isWordPart);
      }
      return i;
    }

    private int run(int from, IntPredicate accepts) {
      int i = from;
      while (i < text.length() && accepts.test(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      return i;
    }

    private static boolean isLocalPart(int cp) {
      return Character.isLetter(cp) || isNumber(cp) || cp == '.' || cp == '_' || cp == '%' || cp == '+' || cp == '-';
    }

    private static boolean isDomainPart(int cp) {
      return Character.isLetter(cp) || isNumber(cp) || cp == '-';
    }

    private static boolean isJoiner(char c) {
      return c == '-' || c == '\'' || c == '’' || c == ':';
    }

    private static boolean isWordPart(int cp) {
      return Character.isLetter(cp) || isMark(cp) || isNumber(cp);
    }
  }

  /** Any Unicode number, as the regular expression class \p{N}: digits, "½", "Ⅻ". */
  static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** White space of any script (a no-break space between "10" and "000" too), never a token. */
  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** Whether the gap between two tokens holds an empty line; each gap is read once. */
  private static boolean hasBlankLine(String text, int from, int to) {
    boolean newline = false;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        if (newline) {
          return true;
        }
        newline = true;
      } else if (text.charAt(i) != '\r') {
        newline = false;
      }
    }
    return false;
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
