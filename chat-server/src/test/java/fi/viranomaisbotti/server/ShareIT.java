package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.accounts.AuditEvent;
import fi.viranomaisbotti.server.web.Role;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A citizen shares their tilannekuva with a code; an adviser who enters it sees the consent, the
 * masked history, the plan and the step marks. Without the adviser role, or with a wrong code,
 * nothing is shown.
 */
class ShareIT extends ServerIT {

  @BeforeAll
  static void accounts() {
    Accounts.create(server, "jaana.neuvoja", EnumSet.of(Role.ADVISER));
  }

  @Test
  void anAdviserOpensTheCitizensTilannekuvaWithTheirCode() throws Exception {
    String code;
    try (SocketClient chat = new SocketClient(server.http, server.app.port(), null)) {
      assertThat(chat.next().path("type").asText()).isEqualTo("welcome");
      JsonNode reply = chat.send(Map.of("type", "message", "text", "Perustan kahvilan Tampereelle. Puhelin 040 765 4321."));
      String step = reply.at("/recommendation/plan/0/id").asText();
      assertThat(chat.send(Map.of("type", "progress", "item", step, "state", "done")).path("type").asText()).isEqualTo("progress");
      JsonNode shared = chat.send(Map.of("type", "share"));
      assertThat(shared.path("type").asText()).isEqualTo("share");
      code = shared.path("code").asText();
    }

    assertThat(server.get("/api/v1/shares/" + code).statusCode()).as("anonymous").isEqualTo(401);

    Accounts.Session adviser = Accounts.signIn(server, "jaana.neuvoja");
    HttpResponse<String> opened = Accounts.send(server, adviser, "GET", "/api/v1/shares/" + code.toLowerCase(), null);
    assertThat(opened.statusCode()).isEqualTo(200);
    JsonNode body = ServerFixture.json(opened);
    assertThat(body.at("/consent/at").asText()).isNotBlank();
    assertThat(body.at("/recommendation/obligations")).isNotEmpty();
    assertThat(body.path("progress").toString()).contains("done");
    assertThat(body.path("history").toString()).contains("kahvila").doesNotContain("040 765 4321");
    assertThat(body.has("conversationId")).as("the conversation id is half a credential").isFalse();

    HttpResponse<String> wrong = Accounts.send(server, adviser, "GET", "/api/v1/shares/AAAABBBBCCCC", null);
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(ServerFixture.json(wrong).at("/error/code").asText()).isEqualTo("share_not_found");
    assertThat(server.backend.audit().latest("jaana.neuvoja", 10)).extracting(AuditEvent::action).contains("share_open");
  }
}
