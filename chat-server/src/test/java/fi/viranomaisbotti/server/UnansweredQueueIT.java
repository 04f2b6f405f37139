package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What users asked that the bot could not answer reaches the editors' queue: masked, grouped by
 * lemmas across inflected wordings and kinds, dismissed or converted in one step, and gone after
 * the retention period.
 */
class UnansweredQueueIT extends ServerIT {

  @BeforeAll
  static void accounts() {
    Accounts.create(server, "eeva.toimittaja", EnumSet.of(Role.EDITOR));
    Accounts.create(server, "helmi.neuvoja", EnumSet.of(Role.ADVISER));
  }

  private static SocketClient chat() throws Exception {
    SocketClient c = new SocketClient(server.http, server.app.port(), null);
    assertThat(c.next().path("type").asText()).isEqualTo("welcome");
    return c;
  }

  private static JsonNode groups(Accounts.Session editor, String state) throws Exception {
    var r = Accounts.send(server, editor, "GET", "/api/v1/knowledge/unanswered?state=" + state, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ServerFixture.json(r).path("groups");
  }

  private static JsonNode group(JsonNode groups, String key) {
    for (JsonNode g : groups) {
      if (g.path("key").asText().equals(key)) {
        return g;
      }
    }
    return null;
  }

  @Test
  void aStoryWithoutAnEventIsQueuedMaskedAndGroupedWithItsInflectedVariants() throws Exception {
    Accounts.Session editor = Accounts.signIn(server, "eeva.toimittaja");
    try (SocketClient c = chat()) {
      JsonNode reply = c.send(Map.of("type", "message",
          "text", "Mistä hankin metsästyskortin? Olen Matti Meikäläinen, 040 123 4567."));
      assertThat(reply.path("type").asText()).isEqualTo("reply");
      assertThat(reply.at("/recommendation/lifeEvents")).as("the story names no event of the knowledge").isEmpty();
    }
    try (SocketClient c = chat()) {
      assertThat(c.send(Map.of("type", "message", "text", "mistä metsästyskortti hankitaan")).path("type").asText())
          .isEqualTo("reply");
    }
    var search = server.get("/api/v1/answers?q=" + URLEncoder.encode("mistä hankin metsästyskortin", StandardCharsets.UTF_8));
    assertThat(search.statusCode()).isEqualTo(200);

    JsonNode g = group(groups(editor, "open"), "hankkia metsästyskortti");
    assertThat(g).as("one group for both wordings: %s", groups(editor, "all")).isNotNull();
    assertThat(g.path("count").asInt()).isEqualTo(3);
    assertThat(g.path("kinds").toString()).contains("no-event", "search-miss");
    assertThat(Instant.parse(g.path("first").asText())).isBeforeOrEqualTo(Instant.parse(g.path("last").asText()));
    String examples = g.path("examples").toString();
    assertThat(examples).contains("metsästyskortti hankitaan", "[PUHELIN]", "[NIMI]", "mistä hankin metsästyskortin")
        .doesNotContain("040 123 4567", "Meikäläinen");
    assertThat(g.path("key").asText()).doesNotContain("matti", "meikäläinen", "nimi");
  }

  @Test
  void aSearchWithoutAHitAndNegativeFeedbackAreQueuedWithTheirKinds() throws Exception {
    Accounts.Session editor = Accounts.signIn(server, "eeva.toimittaja");
    String q = "kryptovaluuttojen louhintalaitos";
    JsonNode found = ServerFixture.json(server.get("/api/v1/answers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    assertThat(found.at("/hits/0/title").asText()).as("the best hit is about something else")
        .doesNotContainIgnoringCase("krypto").doesNotContainIgnoringCase("louhinta");
    try (SocketClient c = chat()) {
      c.send(Map.of("type", "message", "text", "Perustan kryptovaluuttojen louhintalaitoksen."));
      JsonNode stored = c.send(Map.of("type", "feedback", "helpful", false,
          "comment", "Ei auttanut. Soita minulle 040 765 4321"));
      assertThat(stored.path("stored").asBoolean()).isTrue();
    }
    JsonNode all = groups(editor, "open");
    JsonNode searched = null;
    for (JsonNode g : all) {
      if (g.path("key").asText().contains("louhintalaitos") && g.path("kinds").toString().contains("search-miss")) {
        searched = g;
      }
    }
    assertThat(searched).as("the search miss in %s", all).isNotNull();
    String text = all.toString();
    assertThat(text).contains("negative-feedback", "Ei auttanut. Soita minulle [PUHELIN]").doesNotContain("040 765 4321");
  }

  @Test
  void aDismissedGroupLeavesTheOpenQueueAndCannotBeDismissedTwice() throws Exception {
    Accounts.Session editor = Accounts.signIn(server, "eeva.toimittaja");
    try (SocketClient c = chat()) {
      c.send(Map.of("type", "message", "text", "Saako kuussa kalastaa vapaasti?"));
    }
    JsonNode g = null;
    for (JsonNode x : groups(editor, "open")) {
      if (x.path("key").asText().contains("kuu")) {
        g = x;
      }
    }
    assertThat(g).isNotNull();
    String id = g.path("id").asText();
    Accounts.Session adviser = Accounts.signIn(server, "helmi.neuvoja");
    assertThat(Accounts.send(server, adviser, "POST", "/api/v1/knowledge/unanswered/" + id + "/dismiss", null).statusCode())
        .as("an adviser is no editor").isEqualTo(403);
    assertThat(Accounts.send(server, null, "GET", "/api/v1/knowledge/unanswered", null).statusCode()).isEqualTo(401);

    assertThat(Accounts.send(server, editor, "POST", "/api/v1/knowledge/unanswered/" + id + "/dismiss", null).statusCode())
        .isEqualTo(204);
    assertThat(groups(editor, "open").toString()).doesNotContain(id);
    JsonNode dismissed = null;
    for (JsonNode x : groups(editor, "dismissed")) {
      if (x.path("id").asText().equals(id)) {
        dismissed = x;
      }
    }
    assertThat(dismissed).isNotNull();
    assertThat(dismissed.path("resolvedBy").asText()).isEqualTo("eeva.toimittaja");
    var again = Accounts.send(server, editor, "POST", "/api/v1/knowledge/unanswered/" + id + "/dismiss", null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(ServerFixture.json(again).at("/error/code").asText()).isEqualTo("unanswered_not_found");
    assertThat(server.backend.audit().latest("eeva.toimittaja", 20))
        .anyMatch(e -> e.action().equals("unanswered_dismiss") && id.equals(e.target()));
  }

  @Test
  void aConvertedGroupBecomesADraftAnswerWithItsMaskedTextsAsQuestionsAndLeavesTheQueue() throws Exception {
    Accounts.Session editor = Accounts.signIn(server, "eeva.toimittaja");
    try (SocketClient c = chat()) {
      c.send(Map.of("type", "message", "text", "Missä voi harrastaa kuulantyöntöä talvella? Olen Matti Meikäläinen."));
    }
    try (SocketClient c = chat()) {
      c.send(Map.of("type", "message", "text", "kuulantyöntöä talvella, missä harrastetaan"));
    }
    JsonNode g = null;
    for (JsonNode x : groups(editor, "open")) {
      if (x.path("key").asText().contains("kuulantyöntö")) {
        g = x;
      }
    }
    assertThat(g).as("the group in %s", groups(editor, "all")).isNotNull();
    String id = g.path("id").asText();
    String convert = "/api/v1/knowledge/unanswered/" + id + "/convert";

    var wrong = Accounts.send(server, editor, "POST", convert, "{\"as\": \"rule\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    var taken = Accounts.send(server, editor, "POST", convert, "{\"as\": \"concept\", \"id\": \"ravintola\"}");
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
    assertThat(ServerFixture.json(taken).at("/error/code").asText()).isEqualTo("item_exists");
    assertThat(groups(editor, "open").toString()).as("a refused conversion leaves the group open").contains(id);

    var made = Accounts.send(server, editor, "POST", convert,
        "{\"as\": \"answer\", \"id\": \"a-kuulantyonto-talvella\", \"source\": \"https://www.suul.fi/\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(ServerFixture.json(made).path("kind").asText()).isEqualTo("answers");
    assertThat(ServerFixture.json(made).path("id").asText()).isEqualTo("a-kuulantyonto-talvella");

    var item = Accounts.send(server, editor, "GET", "/api/v1/knowledge/items/answers/a-kuulantyonto-talvella", null);
    assertThat(item.statusCode()).isEqualTo(200);
    JsonNode fields = ServerFixture.json(item).path("fields");
    assertThat(fields.path("questions").toString()).contains("Olen [NIMI]", "kuulantyöntöä talvella, missä harrastetaan")
        .doesNotContain("Meikäläinen");
    assertThat(fields.at("/meta/status").asText()).isEqualTo("DRAFT");
    assertThat(ServerFixture.json(Accounts.send(server, editor, "GET", "/api/v1/knowledge/draft", null)).path("changes").toString())
        .contains("a-kuulantyonto-talvella");

    assertThat(groups(editor, "open").toString()).doesNotContain(id);
    JsonNode converted = null;
    for (JsonNode x : groups(editor, "converted")) {
      if (x.path("id").asText().equals(id)) {
        converted = x;
      }
    }
    assertThat(converted.path("convertedTo").asText()).isEqualTo("answers/a-kuulantyonto-talvella");
    assertThat(Accounts.send(server, editor, "POST", convert, "{\"as\": \"answer\"}").statusCode()).isEqualTo(404);
    assertThat(server.backend.audit().latest("eeva.toimittaja", 20))
        .anyMatch(e -> e.action().equals("unanswered_convert") && "answers/a-kuulantyonto-talvella".equals(e.detail()));
  }

  @Test
  void aGroupBecomesAnExampleUtteranceOfAnEventInTheDraft() throws Exception {
    Accounts.Session editor = Accounts.signIn(server, "eeva.toimittaja");
    try (SocketClient c = chat()) {
      c.send(Map.of("type", "message", "text", "Miten kirjaan lumiukon rakennusohjeet? Olen Matti Meikäläinen."));
    }
    JsonNode g = null;
    for (JsonNode x : groups(editor, "open")) {
      if (x.path("key").asText().contains("lumiukko")) {
        g = x;
      }
    }
    assertThat(g).isNotNull();
    String convert = "/api/v1/knowledge/unanswered/" + g.path("id").asText() + "/convert";
    assertThat(Accounts.send(server, editor, "POST", convert, "{\"as\": \"utterance\", \"event\": \"ei-tallaista\"}").statusCode())
        .as("an unknown event").isEqualTo(404);
    var made = Accounts.send(server, editor, "POST", convert, "{\"as\": \"utterance\", \"event\": \"muutto-suomessa\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(ServerFixture.json(made).path("kind").asText()).isEqualTo("utterances");
    JsonNode draft = ServerFixture.json(Accounts.send(server, editor, "GET", "/api/v1/knowledge/draft", null));
    assertThat(draft.toString()).contains("utterances/toimitus.yaml");
    assertThat(draft.path("problems").toString()).doesNotContain("toimitus.yaml");
  }

  @Test
  void theRetentionJobDeletesOldTextsAndTheGroupsLeftEmpty() throws Exception {
    Accounts.Session editor = Accounts.signIn(server, "eeva.toimittaja");
    try (SocketClient c = chat()) {
      c.send(Map.of("type", "message", "text", "Paljonko maksaa avaruusturismi?"));
    }
    assertThat(groups(editor, "all").toString()).contains("avaruusturismi");
    server.backend.unanswered().deleteBefore(Instant.now().plusSeconds(60));
    assertThat(groups(editor, "all")).isEmpty();
  }
}
