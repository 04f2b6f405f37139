package fi.viranomaisbotti.server.web;

import io.javalin.http.Context;
import java.text.Normalizer;

/**
 * Query parameters read strictly, the same way for every face: malformed escapes, text that is
 * not UTF-8 and control characters are refused with a 400 instead of being searched or echoed.
 */
public final class QueryParams {
  /** Longest search query accepted; the 414 message for over-long request lines names it too. */
  public static final int MAX_QUERY_LENGTH = 500;

  public static final int MAX_LIMIT = 50;
  public static final int DEFAULT_LIMIT = 10;

  private QueryParams() {}

  /**
   * A query parameter as text: rejected when the query string is not valid percent-encoded
   * UTF-8 or holds control characters, so that nothing garbled is searched or echoed back;
   * normalised to NFKC, so that decomposed "ä" (as some clients send it) and full-width letters
   * read as ordinary text. Null when absent.
   */
  public static String param(Context ctx, String name) {
    String raw = ctx.queryString();
    if (raw != null && !validPercentEncoding(raw)) {
      throw ApiException.badRequest("bad_encoding",
          "The query string has a malformed percent escape: every % must be followed by two hexadecimal digits.");
    }
    String v = ctx.queryParam(name);
    if (v == null) {
      return null;
    }
    if (v.indexOf('\uFFFD') >= 0) {
      throw ApiException.badRequest("bad_encoding", "The parameter " + name + " is not valid UTF-8.");
    }
    if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
      throw ApiException.badRequest("bad_characters", "The parameter " + name + " contains control characters.");
    }
    return Normalizer.normalize(v, Normalizer.Form.NFKC);
  }

  /** Every % is followed by two hexadecimal digits (a loop: a regex would recurse per character). */
  static boolean validPercentEncoding(String raw) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The "limit" parameter's value: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent. */
  public static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 1 || n > MAX_LIMIT) {
        throw ApiException.badRequest("bad_limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + n + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_limit", "limit must be a whole number between 1 and " + MAX_LIMIT + ", got '" + shortened(value) + "'.");
    }
  }

  /** A value to echo in a message: at most 80 characters. */
  public static String shortened(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }
}
