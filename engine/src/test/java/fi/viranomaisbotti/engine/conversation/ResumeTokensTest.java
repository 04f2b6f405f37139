package fi.viranomaisbotti.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeTokensTest {
  private final ResumeTokens tokens = new ResumeTokens();

  @Test
  void aTokenIs256BitsAsFortyThreeUrlSafeCharactersAndNeverRepeats() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String token = tokens.newToken();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void aTokenMatchesOnlyItsOwnHash() {
    String token = tokens.newToken();
    String hash = ResumeTokens.hash(token);

    assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(token);
    assertThat(ResumeTokens.matches(token, hash)).isTrue();
    assertThat(ResumeTokens.matches(tokens.newToken(), hash)).isFalse();
    assertThat(ResumeTokens.matches(token.substring(1), hash)).isFalse();
  }

  @Test
  void anEmptyMissingOrOverlongTokenAndAMissingOrBrokenHashMatchNothing() {
    String emptyHash = ResumeTokens.hash("");

    assertThat(ResumeTokens.matches("", emptyHash)).isFalse();
    assertThat(ResumeTokens.matches(null, emptyHash)).isFalse();
    assertThat(ResumeTokens.matches("x".repeat(ResumeTokens.MAX_LENGTH + 1), emptyHash)).isFalse();
    assertThat(ResumeTokens.matches("mikä-tahansa", null)).isFalse();
    assertThat(ResumeTokens.matches("mikä-tahansa", "ei-heksaa")).isFalse();
  }

  @Test
  void aLogReferenceIsShortStableAndDoesNotContainTheId() {
    String id = "3f2b6c1e-8d4a-4f0e-9b7a-2c5d1e0f9a8b";

    assertThat(ConversationKey.reference(id)).matches("c-[0-9a-f]{8}").isEqualTo(ConversationKey.reference(id));
    assertThat(ConversationKey.reference(id)).doesNotContain(id.substring(0, 8));
    assertThat(new ConversationKey(id, "salainen").toString()).doesNotContain(id).doesNotContain("salainen");
  }
}
