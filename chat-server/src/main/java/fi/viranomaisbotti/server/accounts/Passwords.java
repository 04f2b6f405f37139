package fi.viranomaisbotti.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle, pure Java) in the PHC string form
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, so a hash carries its own cost and the cost can
 * be raised later without breaking older hashes. The default cost is OWASP's recommended minimum
 * (19 MiB, two passes, one lane). Thread-safe.
 */
public final class Passwords {
  /** OWASP's minimum for Argon2id: 19 MiB of memory, two iterations, one lane. */
  public static final Cost DEFAULT_COST = new Cost(19_456, 2, 1);

  /** The longest password accepted: hashing cost must not grow with what a caller sends. */
  public static final int MAX_LENGTH = 200;
  /** The shortest password an administrator may set. */
  public static final int MIN_LENGTH = 10;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /** Argon2 cost: memory in KiB, iterations, parallel lanes. */
  public record Cost(int memoryKib, int iterations, int parallelism) {}

  private final Cost cost;
  private final SecureRandom random = new SecureRandom();
  /** Verified when the user is unknown, so an unknown name costs as much time as a wrong password. */
  private final String decoy;

  public Passwords() {
    this(DEFAULT_COST);
  }

  public Passwords(Cost cost) {
    this.cost = cost;
    // Random bytes in a hash's place: verifying against it costs one derivation at this cost, like
    // any stored hash, without spending one at start to make it.
    byte[] noHash = new byte[HASH_BYTES];
    random.nextBytes(noHash);
    this.decoy = encode(newSalt(), noHash);
  }

  public String hash(String password) {
    byte[] salt = newSalt();
    return encode(salt, derive(password, salt, cost, HASH_BYTES));
  }

  private byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return salt;
  }

  private String encode(byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** Whether the password gives the stored hash; false for a hash this class cannot read. */
  public boolean verify(String password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      Cost c = parseCost(parts[3]);
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      return MessageDigest.isEqual(expected, derive(password, salt, c, expected.length));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** What {@link #verifyDecoy} verifies against: a stored hash's form, for tests. */
  String decoy() {
    return decoy;
  }

  /** Spends the time of one verification, for a user who does not exist. */
  void verifyDecoy(String password) {
    verify(password, decoy);
  }

  private static Cost parseCost(String text) {
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : text.split(",")) {
      String[] pair = kv.split("=", 2);
      int v = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> m = v;
        case "t" -> t = v;
        case "p" -> p = v;
        default -> throw new IllegalArgumentException("unknown Argon2 parameter " + pair[0]);
      }
    }
    if (m < 8 || m > 1_048_576 || t < 1 || t > 20 || p < 1 || p > 16) {
      throw new IllegalArgumentException("Argon2 parameters out of range: " + text);
    }
    return new Cost(m, t, p);
  }

  private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
