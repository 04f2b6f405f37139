package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The graph API against the real server. Expectations are computed here from the corpus files
 * themselves (YAML read as plain maps, rule files read with a regular expression), not through
 * the knowledge loader or the engine's graph code.
 */
class GraphApiIT extends ServerIT {
  static final Path CORPUS = Path.of("..", "corpus", "src", "main", "resources", "corpus");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static List<Map<String, Object>> actors;
  static List<Map<String, Object>> obligations;
  static List<Map<String, Object>> services;
  static List<Map<String, Object>> events;

  @BeforeAll
  static void readCorpus() throws IOException {
    actors = entries("actors");
    obligations = entries("obligations");
    services = entries("services");
    events = entries("events");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(String folder) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        List<Map<String, Object>> list = YAML.readValue(f.toFile(), List.class);
        if (list != null) {
          out.addAll(list);
        }
      }
    }
    return out;
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    return ServerFixture.json(r);
  }

  private static long edges(JsonNode graph, String kind) {
    long n = 0;
    for (JsonNode e : graph.get("edges")) {
      if (e.get("kind").asText().equals(kind)) {
        n++;
      }
    }
    return n;
  }

  private static Set<String> edgeSet(JsonNode graph, String kind) {
    Set<String> out = new HashSet<>();
    graph.get("edges").forEach(e -> {
      if (e.get("kind").asText().equals(kind)) {
        out.add(e.get("from").asText() + "→" + e.get("to").asText());
      }
    });
    return out;
  }

  private static Set<String> nodeIds(JsonNode graph) {
    Set<String> out = new HashSet<>();
    graph.get("nodes").forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void theWholeMapHasANodeForEveryActorObligationServiceAndEventOfTheCorpus() throws Exception {
    JsonNode g = get("/api/v1/graph");
    Set<String> expected = new HashSet<>();
    Stream.of(actors, obligations, services, events).flatMap(List::stream).forEach(e -> expected.add((String) e.get("id")));
    assertThat(g.get("nodes")).hasSize(actors.size() + obligations.size() + services.size() + events.size());
    assertThat(nodeIds(g)).isEqualTo(expected);
  }

  @Test
  void theWholeMapHasAnEdgeForEveryLinkTheCorpusFilesName() throws Exception {
    JsonNode g = get("/api/v1/graph");
    int prerequisites = 0;
    for (Map<String, Object> i : Stream.concat(obligations.stream(), services.stream()).toList()) {
      prerequisites += i.get("prerequisites") == null ? 0 : ((List<?>) i.get("prerequisites")).size();
    }
    long successors = actors.stream().filter(a -> a.get("successor") != null).count();
    assertThat(edges(g, "competent")).isEqualTo(obligations.size());
    assertThat(edges(g, "provider")).isEqualTo(services.size());
    assertThat(edges(g, "prerequisite")).isEqualTo(prerequisites);
    assertThat(edges(g, "successor")).isEqualTo(successors);
    assertThat(edgeSet(g, "successor")).contains(
        "avi→lupa-ja-valvontavirasto", "ely-keskus→elinvoimakeskus", "te-toimisto→tyollisyysalue", "valvira→lupa-ja-valvontavirasto");
  }

  private static final Pattern RULE = Pattern.compile("(?s)\\nrule\\s+\"[^\"]+\"(.*?)\\n\\s*when\\b(.*?)\\n\\s*then\\b(.*?)\\n\\s*end\\b");
  private static final Pattern EVENT_TESTED = Pattern.compile("(not\\s+)?Conclusion\\(kind == \"event\", id == \"([^\"]+)\"\\)");
  private static final Pattern ITEM_CONCLUDED =
      Pattern.compile("out\\.(?:need|maybe)\\(kcontext, \"(?:obligation|service)\", \"([^\"]+)\"");

  @Test
  void everyItemARuleConcludesStraightFromAnEventIsBroughtByThatEvent() throws Exception {
    Set<String> direct = new HashSet<>();
    try (Stream<Path> files = Files.list(CORPUS.resolve("rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
        Matcher rule = RULE.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (rule.find()) {
          List<String> tested = new ArrayList<>();
          Matcher e = EVENT_TESTED.matcher(rule.group(2));
          while (e.find()) {
            if (e.group(1) == null) {
              tested.add(e.group(2));
            }
          }
          Matcher item = ITEM_CONCLUDED.matcher(rule.group(3));
          while (item.find()) {
            for (String event : tested) {
              direct.add(event + "→" + item.group(1));
            }
          }
        }
      }
    }
    assertThat(direct).hasSizeGreaterThan(50);
    Set<String> brings = edgeSet(get("/api/v1/graph"), "brings");
    assertThat(brings).containsAll(direct);
    // Items concluded from other items are brought too: YEL insurance brings taking it out.
    assertThat(brings).contains("yrityksen-perustaminen→yel-vakuutus", "yrityksen-perustaminen→yel-vakuutuksen-ottaminen");
  }

  @Test
  void theTimeControlsDayShowsTheOrganisationInForceThen() throws Exception {
    JsonNode y2025 = get("/api/v1/graph?at=2025-06-01&kind=actor");
    JsonNode y2026 = get("/api/v1/graph?at=2026-06-01&kind=actor");
    assertThat(nodeIds(y2025)).contains("avi", "ely-keskus").doesNotContain("lupa-ja-valvontavirasto", "elinvoimakeskus");
    assertThat(nodeIds(y2026)).contains("lupa-ja-valvontavirasto", "elinvoimakeskus").doesNotContain("avi", "ely-keskus");
    JsonNode permits2025 = get("/api/v1/graph?at=2025-06-01");
    assertThat(edgeSet(permits2025, "competent")).anyMatch(e -> e.endsWith("→avi"));
    assertThat(edgeSet(permits2025, "competent")).noneMatch(e -> e.endsWith("→lupa-ja-valvontavirasto"));
  }

  @Test
  void anEventAndAMunicipalityNarrowTheMapAndNameTheServingUnits() throws Exception {
    JsonNode g = get("/api/v1/graph?event=Maatalousyrittajyys&municipality=Sein%C3%A4joki&at=2026-06-01");
    Set<String> ids = nodeIds(g);
    assertThat(ids).contains("maatalousyrittajyys", "proagria-neuvonta", "elinvoimakeskus").doesNotContain("kaivoksen-toiminta");
    assertThat(ids.size()).isLessThan(actors.size() + obligations.size() + services.size() + events.size());
    assertThat(g.at("/municipality/name").asText()).isEqualTo("Seinäjoki");
    JsonNode centre = null;
    for (JsonNode n : g.get("nodes")) {
      if (n.get("id").asText().equals("elinvoimakeskus")) {
        centre = n;
      }
    }
    assertThat(centre).isNotNull();
    assertThat(centre.get("unit").asText()).isEqualTo("Etelä-Pohjanmaan elinvoimakeskus");
  }

  @Test
  void badParametersAreAClear400() throws Exception {
    HttpResponse<String> event = server.get("/api/v1/graph?event=kuuhun-muutto");
    assertThat(event.statusCode()).isEqualTo(400);
    assertThat(ServerFixture.json(event).at("/error/code").asText()).isEqualTo("bad_input");
    assertThat(ServerFixture.json(event).at("/error/message").asText()).contains("kuuhun-muutto");
    HttpResponse<String> day = server.get("/api/v1/graph?at=2025-13-01");
    assertThat(day.statusCode()).isEqualTo(400);
    assertThat(ServerFixture.json(day).at("/error/code").asText()).isEqualTo("bad_date");
    assertThat(ServerFixture.json(day).at("/error/message").asText()).contains("YYYY-MM-DD", "2025-13-01");
    assertThat(server.get("/api/v1/graph?kind=answer").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/graph?municipality=Atlantis").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/graph/gaps?at=eilen").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/graph").statusCode()).isEqualTo(200);
  }

  @Test
  void theGapViewListsNoRetiredActorWithoutASuccessorInThisCorpus() throws Exception {
    JsonNode gaps = get("/api/v1/graph/gaps?at=2026-12-01");
    long retiredWithout = actors.stream()
        .filter(a -> a.get("validTo") != null && a.get("successor") == null)
        .filter(a -> java.time.LocalDate.parse(a.get("validTo").toString()).isBefore(java.time.LocalDate.of(2026, 12, 1)))
        .count();
    assertThat(gaps.get("retiredActorsWithoutSuccessor")).hasSize((int) retiredWithout);
    assertThat(gaps.get("at").asText()).isEqualTo("2026-12-01");
    for (String list : List.of("eventsWithoutItems", "itemsNoRuleReaches", "itemsNoEventReaches", "servicesWithoutProvider")) {
      assertThat(gaps.get(list).isArray()).as(list).isTrue();
    }
  }

  @Test
  void aConversationsPlanItemsNeedItsResumeToken() throws Exception {
    ConversationService conversations = new ConversationService(server.navigator, server.conversations, Clock.systemUTC());
    ConversationKey key = conversations.say(null, "Avaan kahvilan Tampereelle ja palkkaan työntekijän.").conversation();
    String path = "/api/v1/conversations/" + key.id() + "/plan-items";

    HttpResponse<String> none = server.get(path);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(ServerFixture.json(none).at("/error/code").asText()).isEqualTo("resume_token_required");
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");

    assertThat(withToken(path, "x".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(withToken("/api/v1/conversations/no-such-id/plan-items", key.resumeToken()).statusCode()).isEqualTo(404);

    HttpResponse<String> ok = withToken(path, key.resumeToken());
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode items = ServerFixture.json(ok);
    List<String> steps = new ArrayList<>();
    items.get("steps").forEach(s -> steps.add(s.asText()));
    List<String> eventIds = new ArrayList<>();
    items.get("events").forEach(s -> eventIds.add(s.asText()));
    assertThat(eventIds).contains("ravintolan-perustaminen");
    assertThat(steps).contains("elintarvikehuoneisto-ilmoitus");
    assertThat(ok.body()).doesNotContain("kahvila", "Tampere");
  }

  private static HttpResponse<String> withToken(String path, String token) throws Exception {
    return server.http.send(
        HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
