package fi.viranomaisbotti.engine.conversation;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Share codes an adviser types in: 12 characters of Crockford's Base32 (60 random bits), shown as
 * three groups of four ("K7QM-2XHD-9RTW"). Only the SHA-256 of the normalised code is stored.
 * Sixty bits cannot be guessed within the rate limits of the adviser route. Thread-safe.
 */
final class ShareCodes {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 12;

  private final SecureRandom random = new SecureRandom();

  String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * The code as typed, without dashes and spaces, in upper case, with the letters people confuse
   * read as Crockford reads them (O as 0, I and L as 1); null when it cannot be a code.
   */
  static String normalise(String typed) {
    if (typed == null || typed.length() > 40) {
      return null;
    }
    String s = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
    if (s.length() != LENGTH) {
      return null;
    }
    for (char c : s.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) {
        return null;
      }
    }
    return s;
  }
}
