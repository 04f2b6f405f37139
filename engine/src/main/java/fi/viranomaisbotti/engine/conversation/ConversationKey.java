package fi.viranomaisbotti.engine.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a client must show to touch a stored conversation: its id and the resume token its first
 * reply carried. Every per-conversation operation of {@link ConversationService} takes one, so no
 * route can reach a conversation with the id alone.
 *
 * @param id the conversation's id
 * @param resumeToken the secret given once, with the first reply; only its hash is stored
 */
public record ConversationKey(String id, String resumeToken) {

  public ConversationKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(resumeToken, "resumeToken");
  }

  /** The id's log reference; the token never appears, so a key can be printed safely. */
  @Override
  public String toString() {
    return "ConversationKey[" + reference(id) + "]";
  }

  /** This conversation's reference for log lines: see {@link #reference(String)}. */
  public String reference() {
    return reference(id);
  }

  /**
   * A short reference to a conversation for log lines and server-side error messages: the first 8
   * hex digits of the SHA-256 of its id. The id itself is a credential's half and is never logged;
   * the reference cannot be turned back into the id, but an operator with database access can find
   * the conversation by hashing the stored ids.
   */
  public static String reference(String conversationId) {
    if (conversationId == null) {
      return "c-none";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(conversationId.getBytes(StandardCharsets.UTF_8));
      return "c-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256, which every Java SE runtime must provide.", e);
    }
  }
}
