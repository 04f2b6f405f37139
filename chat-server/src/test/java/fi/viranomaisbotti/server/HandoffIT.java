package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.accounts.AuditEvent;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Role;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chat handed to a person: the citizen asks over the WebSocket with consent, an adviser finds it
 * in the queue with facts, masked transcript and plan, claims it, replies into the citizen's open
 * chat and closes it; every step is audited.
 */
class HandoffIT extends ServerIT {

  @BeforeAll
  static void accounts() {
    Accounts.create(server, "helmi.neuvoja", EnumSet.of(Role.ADVISER));
    Accounts.create(server, "toinen.neuvoja", EnumSet.of(Role.ADVISER));
  }

  private static SocketClient citizen() throws Exception {
    SocketClient c = new SocketClient(server.http, server.app.port(), null);
    assertThat(c.next().path("type").asText()).isEqualTo("welcome");
    return c;
  }

  private static JsonNode handoff(Accounts.Session adviser, String marker) throws Exception {
    JsonNode list = ServerFixture.json(Accounts.send(server, adviser, "GET", "/api/v1/handoffs", null)).path("handoffs");
    for (JsonNode h : list) {
      if (h.path("transcript").toString().contains(marker)) {
        return h;
      }
    }
    throw new AssertionError("No handoff in the queue has '" + marker + "' in its transcript: " + list);
  }

  @Test
  void aHandoffTravelsFromTheCitizensChatToAnAdviserAndTheReplyBack() throws Exception {
    Accounts.Session adviser = Accounts.signIn(server, "helmi.neuvoja");
    try (SocketClient chat = citizen()) {
      JsonNode reply = chat.send(Map.of("type", "message",
          "text", "Haluan avata kahvilan Tampereella. Sähköpostini on liisa.virtanen@example.fi ja puhelin 040 123 4567."));
      assertThat(reply.path("type").asText()).isEqualTo("reply");

      JsonNode refused = chat.send(Map.of("type", "handoff", "consent", false));
      assertThat(refused.path("type").asText()).isEqualTo("error");

      JsonNode queued = chat.send(Map.of("type", "handoff", "consent", true));
      assertThat(queued.path("type").asText()).isEqualTo("handoff");
      assertThat(queued.path("status").asText()).isEqualTo("queued");

      JsonNode h = handoff(adviser, "kahvila");
      String id = h.path("id").asText();
      assertThat(h.path("status").asText()).isEqualTo("queued");
      assertThat(h.path("consentAt").asText()).isEqualTo(queued.path("consentAt").asText());
      assertThat(h.path("facts").toString()).contains("\"concept\":\"kunta\"");
      assertThat(h.path("plan")).isNotEmpty();
      String transcript = h.path("transcript").toString();
      assertThat(transcript).doesNotContain("liisa.virtanen@example.fi", "040 123 4567");
      assertThat(h.has("conversationId")).as("the conversation id is half a credential").isFalse();

      JsonNode opened = ServerFixture.json(Accounts.send(server, adviser, "GET", "/api/v1/handoffs/" + id, null));
      assertThat(opened.at("/recommendation/obligations")).isNotEmpty();

      Accounts.Session other = Accounts.signIn(server, "toinen.neuvoja");
      assertThat(Accounts.send(server, other, "POST", "/api/v1/handoffs/" + id + "/messages", "{\"text\":\"Hei\"}").statusCode())
          .as("a reply before claiming").isEqualTo(409);

      HttpResponse<String> claimed = Accounts.send(server, adviser, "POST", "/api/v1/handoffs/" + id + "/claim", null);
      assertThat(claimed.statusCode()).isEqualTo(200);
      assertThat(ServerFixture.json(claimed).path("claimedBy").asText()).isEqualTo("helmi.neuvoja");
      assertThat(chat.next().path("type").asText()).isEqualTo("adviser_joined");
      assertThat(Accounts.send(server, other, "POST", "/api/v1/handoffs/" + id + "/claim", null).statusCode())
          .as("a second adviser cannot take it").isEqualTo(409);

      HttpResponse<String> sent = Accounts.send(server, adviser, "POST", "/api/v1/handoffs/" + id + "/messages",
          Json.write(Map.of("text", "Hei Liisa, olen neuvoja. Soitan sinulle numeroon 040 123 4567.")));
      assertThat(sent.statusCode()).isEqualTo(201);
      assertThat(ServerFixture.json(sent).path("text").asText()).as("stored masked").doesNotContain("040 123 4567");
      JsonNode pushed = chat.next();
      assertThat(pushed.path("type").asText()).isEqualTo("adviser");
      assertThat(pushed.path("text").asText()).as("the citizen sees what was written").contains("040 123 4567");

      HttpResponse<String> closed = Accounts.send(server, adviser, "POST", "/api/v1/handoffs/" + id + "/close", null);
      assertThat(ServerFixture.json(closed).path("status").asText()).isEqualTo("closed");
      assertThat(chat.next().path("type").asText()).isEqualTo("handoff_closed");
      assertThat(Accounts.send(server, adviser, "POST", "/api/v1/handoffs/" + id + "/close", null).statusCode()).isEqualTo(409);
      assertThat(ServerFixture.json(Accounts.send(server, adviser, "GET", "/api/v1/handoffs", null)).path("handoffs").toString())
          .doesNotContain(id);

      List<AuditEvent> audit = server.backend.audit().latest("helmi.neuvoja", 50);
      assertThat(audit).extracting(AuditEvent::action)
          .contains("sign_in", "handoff_open", "handoff_claim", "handoff_reply", "handoff_close");
      assertThat(audit).allSatisfy(e -> assertThat(String.valueOf(e.detail()) + e.target()).doesNotContain("040"));
    }
  }

  @Test
  void aHandoffNeedsAConversationAndAskingTwiceQueuesOne() throws Exception {
    try (SocketClient chat = citizen()) {
      assertThat(chat.send(Map.of("type", "handoff", "consent", true)).path("error").path("code").asText())
          .isEqualTo("no_conversation");
      chat.send(Map.of("type", "message", "text", "Perustan leipomon Ouluun."));
      JsonNode first = chat.send(Map.of("type", "handoff", "consent", true));
      JsonNode second = chat.send(Map.of("type", "handoff", "consent", true));
      assertThat(second.path("consentAt").asText()).isEqualTo(first.path("consentAt").asText());
    }
    Accounts.Session adviser = Accounts.signIn(server, "toinen.neuvoja");
    String queue = ServerFixture.json(Accounts.send(server, adviser, "GET", "/api/v1/handoffs", null)).toString();
    assertThat(queue.split("leipomon", -1)).as("one handoff for the conversation").hasSize(2);
  }

  @Test
  void anUnknownHandoffIsNotFound() throws Exception {
    Accounts.Session adviser = Accounts.signIn(server, "helmi.neuvoja");
    HttpResponse<String> r = Accounts.send(server, adviser, "POST", "/api/v1/handoffs/ei-ole/claim", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(ServerFixture.json(r).path("error").path("code").asText()).isEqualTo("handoff_not_found");
  }
}
