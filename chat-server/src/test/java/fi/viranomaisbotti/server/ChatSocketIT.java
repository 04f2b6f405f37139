package fi.viranomaisbotti.server;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.chat.ChatSocket;
import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import fi.viranomaisbotti.server.web.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ChatSocketIT extends ServerIT {

  /** A chat client on the fixture's server, sending no Origin as non-browser clients do. */
  static final class Client extends SocketClient {
    Client() throws Exception {
      super(server.http, server.app.port(), null);
    }
  }

  /** A conversation started in a tab that is then closed: what a later tab needs to resume it. */
  record Started(String conversationId, String resumeToken) {}

  private static Started startConversation(String text) throws Exception {
    try (Client c = new Client()) {
      c.next();
      JsonNode reply = c.send(Map.of("type", "message", "text", text));
      return new Started(reply.get("conversationId").asText(), reply.get("resumeToken").asText());
    }
  }

  private static List<String> obligationIds(JsonNode reply) {
    List<String> out = new ArrayList<>();
    reply.at("/recommendation/obligations").forEach(o -> out.add(o.get("id").asText()));
    return out;
  }

  @Test
  void aConversationGetsRepliesAnswersUpdateThePlanAndEverythingIsStored() throws Exception {
    String conversationId;
    String resumeToken;
    try (Client c = new Client()) {
      JsonNode welcome = c.next();
      assertThat(welcome.get("type").asText()).isEqualTo("welcome");
      assertThat(welcome.get("protocol").asInt()).isEqualTo(ChatSocket.PROTOCOL_VERSION);

      JsonNode reply = c.send(Map.of("type", "message", "text", "Haluan avata kahvilan. Puhelinnumeroni on 040 123 4567."));
      assertThat(reply.get("type").asText()).isEqualTo("reply");
      conversationId = reply.get("conversationId").asText();
      resumeToken = reply.get("resumeToken").asText();
      assertThat(resumeToken).matches("[A-Za-z0-9_-]{43}");
      assertThat(reply.get("text").asText()).contains("Tunnistin");
      assertThat(obligationIds(reply)).contains("elintarvikehuoneisto-ilmoitus", "anniskelulupa");
      assertThat(reply.at("/recommendation/questions")).isNotEmpty();

      JsonNode answered = c.send(Map.of("type", "answer", "concept", "alkoholi", "value", false));
      assertThat(obligationIds(answered)).doesNotContain("anniskelulupa");
      assertThat(answered.has("resumeToken")).as("the token is sent once").isFalse();
      assertThat(answered.at("/recommendation/facts/alkoholi").asBoolean(true)).isFalse();

      JsonNode more = c.send(Map.of("type", "message", "text", "Palkkaan kaksi tarjoilijaa."));
      assertThat(obligationIds(more)).contains("tyonantajarekisteri").doesNotContain("anniskelulupa");

      JsonNode placed = c.send(Map.of("type", "answer", "concept", "kunta", "value", "Seinäjoki"));
      assertThat(placed.at("/recommendation/municipality/name").asText()).isEqualTo("Seinäjoki");
    }

    List<StoredTurn> stored = server.conversations.turns(conversationId);
    assertThat(stored).extracting(StoredTurn::role)
        .containsExactly(StoredTurn.Role.USER, StoredTurn.Role.ANSWER, StoredTurn.Role.USER, StoredTurn.Role.ANSWER);
    assertThat(stored.get(0).maskedText()).contains("[PUHELIN]").doesNotContain("123 4567");
    FactSet facts = server.conversations.head(conversationId).orElseThrow().facts();
    assertThat(facts.yesNo("alkoholi")).map(KnownFact::value).hasValue(new KnownFact.YesNo(false));
    assertThat(facts.municipalityCode()).hasValue("743");

    try (Client again = new Client()) {
      again.next();
      JsonNode history = again.send(Map.of("type", "resume", "conversationId", conversationId, "resumeToken", resumeToken));
      assertThat(history.get("type").asText()).isEqualTo("history");
      assertThat(history.get("turns")).hasSize(4);
      assertThat(history.at("/turns/0/text").asText()).contains("[PUHELIN]");
      JsonNode resumed = again.next();
      assertThat(resumed.get("conversationId").asText()).isEqualTo(conversationId);
      assertThat(obligationIds(resumed)).contains("tyonantajarekisteri").doesNotContain("anniskelulupa");
    }
  }

  @Test
  void badMessagesGetAnErrorAndTheConnectionKeepsWorking() throws Exception {
    try (Client c = new Client()) {
      c.next();
      assertThat(c.send("{not json").at("/error/code").asText()).isEqualTo("malformed_json");
      assertThat(c.send(Map.of("type", "lentää")).at("/error/code").asText()).isEqualTo("unknown_type");
      assertThat(c.send(Map.of("type", "message", "text", "")).at("/error/code").asText()).isEqualTo("empty_text");
      assertThat(c.send(Map.of("type", "answer", "concept", "lohikäärme", "value", true)).at("/error/code").asText())
          .isEqualTo("bad_input");
      assertThat(c.send(Map.of("type", "resume", "conversationId", "ei-ole")).at("/error/code").asText())
          .isEqualTo("resume_token_required");
      assertThat(c.send(Map.of("type", "resume", "conversationId", "ei-ole", "resumeToken", "ei-ole")).at("/error/code").asText())
          .isEqualTo("conversation_not_found");
      JsonNode ok = c.send(Map.of("type", "message", "text", "Perustan kahvilan."));
      assertThat(ok.get("type").asText()).isEqualTo("reply");
    }
  }

  @Test
  void aConversationIsNotResumedWithoutItsTokenAndAWrongTokenIsAnsweredLikeAnUnknownId() throws Exception {
    Started started = startConversation("Perustan kahvilan Tampereelle. Sähköpostini on matti@example.com.");
    String conversationId = started.conversationId();
    String resumeToken = started.resumeToken();
    try (Client stranger = new Client()) {
      stranger.next();
      JsonNode withoutToken = stranger.send(Map.of("type", "resume", "conversationId", conversationId));
      JsonNode wrongToken = stranger.send(Map.of("type", "resume", "conversationId", conversationId, "resumeToken", "A".repeat(43)));
      JsonNode unknownId = stranger.send(Map.of("type", "resume", "conversationId", java.util.UUID.randomUUID().toString(),
          "resumeToken", "A".repeat(43)));

      assertThat(withoutToken.at("/error/code").asText()).isEqualTo("resume_token_required");
      assertThat(wrongToken.get("error")).isEqualTo(unknownId.get("error"));
      assertThat(wrongToken.at("/error/code").asText()).isEqualTo("conversation_not_found");
      assertThat(wrongToken.toString()).doesNotContain(conversationId);

      // The stranger's own message starts a new conversation; it is not appended to the owner's.
      JsonNode own = stranger.send(Map.of("type", "message", "text", "Avaan kioskin."));
      assertThat(own.get("conversationId").asText()).isNotEqualTo(conversationId);
      assertThat(own.get("turn").asInt()).isEqualTo(1);
    }
    assertThat(server.conversations.turns(conversationId)).hasSize(1);
    try (Client owner = new Client()) {
      owner.next();
      JsonNode history = owner.send(Map.of("type", "resume", "conversationId", conversationId, "resumeToken", resumeToken));
      assertThat(history.get("turns")).hasSize(1);
      assertThat(owner.next().get("type").asText()).isEqualTo("reply");
    }
  }

  @Test
  void threeLongMessagesAndAShortOneGetFourReplies() throws Exception {
    String sentence = "Haluan perustaa kahvilan Tampereelle ja myydä siellä omia leivonnaisia. ";
    String long4400 = sentence.repeat(4400 / sentence.length() + 1).substring(0, 4400);
    try (Client c = new Client()) {
      c.next();
      List<JsonNode> replies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        replies.add(c.send(Map.of("type", "message", "text", long4400)));
      }
      replies.add(c.send(Map.of("type", "message", "text", "Palkkaan myös yhden työntekijän.")));

      assertThat(replies).extracting(r -> r.get("type").asText()).containsOnly("reply");
      assertThat(replies).extracting(r -> r.get("turn").asInt()).containsExactly(1, 2, 3, 4);
      assertThat(replies.get(3).at("/recommendation/facts/tyontekija").asBoolean(false)).isTrue();
    }
  }

  @Test
  void twoTabsOnOneConversationGetEveryReplyAndTheStoredTurnsAreWhatEachSaw() throws Exception {
    Started started = startConversation("Perustan kahvilan Tampereelle.");
    String conversationId = started.conversationId();
    String resumeToken = started.resumeToken();
    try (Client a = new Client(); Client b = new Client()) {
      a.next();
      b.next();
      a.send(Map.of("type", "resume", "conversationId", conversationId, "resumeToken", resumeToken));
      a.next();
      b.send(Map.of("type", "resume", "conversationId", conversationId, "resumeToken", resumeToken));
      b.next();
      for (int i = 0; i < 20; i++) {
        a.socket.sendText(Json.write(Map.of("type", "message", "text", "Välilehti A, viesti " + i + ".")), true);
        b.socket.sendText(Json.write(Map.of("type", "message", "text", "Välilehti B, viesti " + i + ".")), true);
      }
      Map<Integer, String> sawA = new java.util.TreeMap<>();
      Map<Integer, String> sawB = new java.util.TreeMap<>();
      for (int i = 0; i < 20; i++) {
        JsonNode ra = a.next();
        JsonNode rb = b.next();
        assertThat(ra.get("type").asText()).isEqualTo("reply");
        assertThat(rb.get("type").asText()).isEqualTo("reply");
        assertThat(ra.get("conversationId").asText()).isEqualTo(conversationId);
        sawA.put(ra.get("turn").asInt(), "A");
        sawB.put(rb.get("turn").asInt(), "B");
      }

      List<StoredTurn> stored = server.conversations.turns(conversationId);
      assertThat(stored).hasSize(41);
      assertThat(sawA.keySet()).doesNotContainAnyElementsOf(sawB.keySet());
      sawA.keySet().forEach(turn -> assertThat(stored.get(turn - 1).maskedText()).startsWith("Välilehti A"));
      sawB.keySet().forEach(turn -> assertThat(stored.get(turn - 1).maskedText()).startsWith("Välilehti B"));
    }
  }

  @Test
  void aStepMarkIsStoredAndComesBackWithTheReplyAfterAResume() throws Exception {
    Started started;
    String step;
    try (Client c = new Client()) {
      c.next();
      JsonNode reply = c.send(Map.of("type", "message", "text", "Avaan kahvilan Tampereelle."));
      started = new Started(reply.get("conversationId").asText(), reply.get("resumeToken").asText());
      assertThat(reply.get("progress")).isEmpty();
      step = reply.at("/recommendation/plan/0/id").asText();
      JsonNode marked = c.send(Map.of("type", "progress", "item", step, "state", "done"));
      assertThat(marked.get("type").asText()).isEqualTo("progress");
      assertThat(marked.at("/progress/" + step).asText()).isEqualTo("done");
      JsonNode next = c.send(Map.of("type", "message", "text", "Palkkaan yhden työntekijän."));
      assertThat(next.get("type").asText()).isEqualTo("reply");
      assertThat(next.at("/progress/" + step).asText()).as("the next turn's reply").isEqualTo("done");
    }
    try (Client c = new Client()) {
      c.next();
      c.send(Map.of("type", "resume", "conversationId", started.conversationId(), "resumeToken", started.resumeToken()));
      JsonNode reply = c.next();
      assertThat(reply.get("type").asText()).isEqualTo("reply");
      assertThat(reply.at("/progress/" + step).asText()).isEqualTo("done");
    }
  }

  @Test
  void planOperationsNeedAConversationAndSayWhatIsWrongWithTheirInput() throws Exception {
    try (Client c = new Client()) {
      c.next();
      assertThat(c.send(Map.of("type", "share")).at("/error/code").asText()).isEqualTo("no_conversation");
      c.send(Map.of("type", "message", "text", "Avaan kahvilan Tampereelle."));
      assertThat(c.send(Map.of("type", "progress", "item", "anniskelulupa", "state", "valmis")).at("/error/code").asText())
          .isEqualTo("bad_state");
      assertThat(c.send(Map.of("type", "progress", "item", "kahvila", "state", "done")).at("/error/code").asText())
          .isEqualTo("bad_input");
      assertThat(c.send(Map.of("type", "feedback", "helpful", "kyllä")).at("/error/code").asText()).isEqualTo("bad_feedback");
      assertThat(c.send(Map.of("type", "language", "language", "de")).at("/error/code").asText()).isEqualTo("bad_language");
      JsonNode share = c.send(Map.of("type", "share"));
      assertThat(share.get("code").asText()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
      assertThat(share.at("/consent/who").asText()).isEqualTo("asiakas");
      JsonNode english = c.send(Map.of("type", "language", "language", "en"));
      assertThat(english.get("type").asText()).isEqualTo("reply");
      assertThat(english.get("language").asText()).isEqualTo("en");
      assertThat(english.at("/names/kysy-alkoholi").asText()).isEqualTo("Will you serve alcoholic drinks over 2.8 % alcohol by volume?");
    }
  }
}
