package fi.viranomaisbotti.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ConversationFrameTest {
  @Test
  void aReplyGivesItsIdTokenAndTheQuestionsConceptsAndTypesPastEverythingElse() throws IOException {
    String reply = """
        {"type":"reply","conversationId":"c-1","resumeToken":"t-1","turn":1,"text":"Kerroit: ”kahvila”.",
         "recommendation":{"language":"fi","facts":{"kahvila":true},
           "obligations":[{"id":"elintarvikehuoneisto","why":"Tarpeen vain, jos: {\\"questions\\":[]}","dependsOn":["x"]}],
           "questions":[{"id":"kysy-anniskelu","name":"Aiotko anniskella?","concept":"anniskelu","type":"YES_NO",
                         "choices":[],"settles":["anniskelulupa"]},
                        {"id":"kysy-pinta-ala","concept":"pinta-ala","type":"NUMBER","settles":[]}],
           "plan":[{"order":1,"after":[]}]},
         "progress":{}}""";
    Conversation.Frame frame = Conversation.Frame.read(reply);
    assertThat(frame.type()).isEqualTo("reply");
    assertThat(frame.conversationId()).isEqualTo("c-1");
    assertThat(frame.resumeToken()).isEqualTo("t-1");
    assertThat(frame.questions()).containsExactly(
        new Conversation.Question("anniskelu", "YES_NO"), new Conversation.Question("pinta-ala", "NUMBER"));
  }

  @Test
  void anErrorGivesItsCodeAndALaterReplyNoToken() throws IOException {
    assertThat(Conversation.Frame.read("{\"type\":\"error\",\"error\":{\"status\":429,\"code\":\"rate_limited\"}}").errorCode())
        .isEqualTo("rate_limited");
    Conversation.Frame later = Conversation.Frame.read("{\"type\":\"reply\",\"conversationId\":\"c-1\",\"turn\":2,"
        + "\"recommendation\":{\"questions\":[]}}");
    assertThat(later.resumeToken()).isNull();
    assertThat(later.questions()).isEmpty();
  }

  @Test
  void somethingThatIsNotAJsonObjectIsRefused() {
    assertThatThrownBy(() -> Conversation.Frame.read("[1,2]")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Conversation.Frame.read("{\"type\":")).isInstanceOf(IOException.class);
  }
}
