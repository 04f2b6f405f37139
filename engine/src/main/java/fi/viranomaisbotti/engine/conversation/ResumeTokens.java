package fi.viranomaisbotti.engine.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Resume tokens: 256 random bits from {@link SecureRandom}, URL-safe Base64 without padding (43
 * characters). Only the SHA-256 of a token is stored; a plain hash is enough because the token has
 * full entropy, so nothing can be guessed from the hash. Thread-safe.
 */
final class ResumeTokens {
  private static final int TOKEN_BYTES = 32;
  /** A token longer than this was not made here; it is refused without hashing megabytes. */
  static final int MAX_LENGTH = 128;

  private final SecureRandom random = new SecureRandom();

  String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a token: SHA-256 as 64 lower-case hex digits. */
  static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  /**
   * Whether a presented token is the one whose hash is stored, in time independent of where they
   * differ. A conversation without a stored hash (from before tokens existed) matches no token.
   */
  static boolean matches(String presented, String storedHash) {
    boolean plausible = presented != null && !presented.isEmpty() && presented.length() <= MAX_LENGTH;
    byte[] given = sha256(plausible ? presented : "");
    byte[] stored = parse(storedHash);
    // Compared even when nothing is stored, so a wrong token costs the same whether or not the
    // conversation exists.
    boolean equal = MessageDigest.isEqual(given, stored == null ? new byte[given.length] : stored);
    return equal && stored != null && plausible;
  }

  private static byte[] parse(String hex) {
    if (hex == null || hex.length() != 64) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256, which every Java SE runtime must provide.", e);
    }
  }
}
