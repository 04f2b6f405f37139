package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.accounts.AuditEvent;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The knowledge editor over HTTP on the real server: a shared draft edited with ETags, validation
 * inline, a broken rule refused while the live version keeps answering, publish and rollback
 * changing what search answers, and versions exported and imported as zips.
 */
class KnowledgeEditorIT extends ServerIT {
  private static final String ANSWER = "a-allergeenitiedot-ravintolassa";
  private static final String ITEM = "/api/v1/knowledge/items/answers/" + ANSWER;
  /** A word no answer of the packaged corpus has: search finds the answer by it only once it is published. */
  private static final String NEW_KEYWORD = "saippuakivi";

  private static Accounts.Session editor;

  @BeforeAll
  static void accounts() throws Exception {
    Accounts.create(server, "eeva.toimittaja", EnumSet.of(Role.EDITOR));
    Accounts.create(server, "olli.toimittaja", EnumSet.of(Role.EDITOR));
    Accounts.create(server, "helmi.neuvoja", EnumSet.of(Role.ADVISER));
    editor = Accounts.signIn(server, "eeva.toimittaja");
  }

  @BeforeEach
  void emptyDraft() throws Exception {
    assertThat(send(editor, "DELETE", "/api/v1/knowledge/draft", null, null).statusCode()).isEqualTo(204);
  }

  @Test
  void onlyEditorsReachTheEditorAndThePackagedCorpusIsVersionOne() throws Exception {
    assertThat(server.get("/api/v1/knowledge/versions").statusCode()).isEqualTo(401);
    Accounts.Session adviser = Accounts.signIn(server, "helmi.neuvoja");
    assertThat(send(adviser, "GET", "/api/v1/knowledge/versions", null, null).statusCode()).isEqualTo(403);
    assertThat(send(adviser, "GET", ITEM, null, null).statusCode()).isEqualTo(403);

    JsonNode versions = json(send(editor, "GET", "/api/v1/knowledge/versions", null, null));
    JsonNode first = versions.path("versions").get(versions.path("versions").size() - 1);
    assertThat(first.path("version").asInt()).isEqualTo(1);
    assertThat(first.path("origin").asText()).isEqualTo("package");
    assertThat(first.path("hash").asText()).hasSize(64);
    assertThat(versions.path("live").isInt()).isTrue();
  }

  @Test
  void anItemComesWithItsEtagAndAStaleOrUnconditionalWriteIsRefused() throws Exception {
    HttpResponse<String> got = send(editor, "GET", ITEM, null, null);
    assertThat(got.statusCode()).isEqualTo(200);
    String etag = got.headers().firstValue("ETag").orElseThrow();
    JsonNode item = json(got);
    assertThat(item.path("etag").asText()).isEqualTo(etag);
    assertThat(item.path("file").asText()).isEqualTo("answers/a-kahvila-ja-ravintola.yaml");
    assertThat(item.path("text").asText()).startsWith("- id: " + ANSWER);
    assertThat(item.at("/fields/meta/owner").asText()).isEqualTo("sisaltotiimi");

    String edited = item.path("text").asText().replace("keywords: [allergeenit,", "keywords: [allergeenit, " + NEW_KEYWORD + ",");
    assertThat(edited).contains(NEW_KEYWORD);
    assertThat(send(editor, "PUT", ITEM, Json.write(Map.of("text", edited)), null).statusCode())
        .as("no If-Match").isEqualTo(428);

    Accounts.Session other = Accounts.signIn(server, "olli.toimittaja");
    HttpResponse<String> first = send(other, "PUT", ITEM, Json.write(Map.of("text", edited)), etag);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String newEtag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(newEtag).isNotEqualTo(etag);
    assertThat(json(first).path("changed").asBoolean()).isTrue();

    String mine = item.path("text").asText().replace("Miten ravintolan", "Kuinka ravintolan");
    HttpResponse<String> stale = send(editor, "PUT", ITEM, Json.write(Map.of("text", mine)), etag);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale).at("/error/code").asText()).isEqualTo("stale_item");
    assertThat(json(stale).at("/current/text").asText()).as("the other editor's change").contains(NEW_KEYWORD);
    assertThat(json(stale).at("/current/etag").asText()).isEqualTo(newEtag);

    JsonNode now = json(send(editor, "GET", ITEM, null, null));
    assertThat(now.path("text").asText()).contains(NEW_KEYWORD).doesNotContain("Kuinka ravintolan");
    JsonNode draft = json(send(editor, "GET", "/api/v1/knowledge/draft", null, null));
    assertThat(draft.path("changes").toString()).contains(ANSWER, "CHANGED");
    assertThat(draft.path("changes")).hasSize(1);
  }

  @Test
  void textThatDoesNotReadIsRefusedAndNothingIsStored() throws Exception {
    HttpResponse<String> got = send(editor, "GET", ITEM, null, null);
    String etag = got.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> broken = send(editor, "PUT", ITEM,
        Json.write(Map.of("text", "- id: " + ANSWER + "\n  name: [rikki\n")), etag);
    assertThat(broken.statusCode()).isEqualTo(422);
    assertThat(json(broken).at("/error/code").asText()).isEqualTo("item_invalid");
    assertThat(json(broken).path("problems").get(0).path("message").asText()).contains("YAML");

    HttpResponse<String> unknownField = send(editor, "PUT", ITEM,
        Json.write(Map.of("text", json(got).path("text").asText() + "  vari: punainen\n")), etag);
    assertThat(unknownField.statusCode()).as(unknownField.body()).isEqualTo(422);
    assertThat(json(unknownField).path("problems").get(0).path("file").asText()).isEqualTo("answers/a-kahvila-ja-ravintola.yaml");

    assertThat(send(editor, "GET", ITEM, null, null).headers().firstValue("ETag")).contains(etag);
    assertThat(json(send(editor, "GET", "/api/v1/knowledge/draft", null, null)).path("changes")).isEmpty();
  }

  @Test
  void anItemThatReadsButBreaksAReferenceIsStoredWithItsProblemAndCannotBePublished() throws Exception {
    HttpResponse<String> got = send(editor, "GET", ITEM, null, null);
    String text = json(got).path("text").asText().replace("owner: sisaltotiimi", "owner: \"\"");
    HttpResponse<String> put = send(editor, "PUT", ITEM, Json.write(Map.of("text", text)), got.headers().firstValue("ETag").orElseThrow());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode problem = json(put).path("problems").get(0);
    assertThat(problem.path("item").asText()).isEqualTo(ANSWER);
    assertThat(problem.path("field").asText()).isEqualTo("meta");
    assertThat(problem.path("message").asText()).contains("owner");
    assertThat(json(send(editor, "GET", "/api/v1/knowledge/draft", null, null)).path("valid").asBoolean()).isFalse();

    int liveBefore = live();
    HttpResponse<String> publish = send(editor, "POST", "/api/v1/knowledge/publish", Json.write(Map.of("message", "Lähde pois")), null);
    assertThat(publish.statusCode()).isEqualTo(422);
    assertThat(json(publish).at("/error/code").asText()).isEqualTo("knowledge_invalid");
    assertThat(json(publish).path("problems").toString()).contains(ANSWER);
    assertThat(live()).isEqualTo(liveBefore);
  }

  @Test
  void aBrokenRuleIsShownByPreviewAndRefusedByPublishWhileTheLiveVersionKeepsAnswering() throws Exception {
    String versionBefore = server.navigator.knowledge().version();
    int liveBefore = live();
    HttpResponse<String> rule = send(editor, "GET", "/api/v1/knowledge/items/rules/kauppa", null, null);
    assertThat(rule.statusCode()).isEqualTo(200);
    String drl = json(rule).path("text").asText();
    String broken = drl.replaceFirst("(?s)then\\n  out\\.need\\(kcontext, \"event\", \"tupakan-vahittaismyynti\", \\$s\\);",
        java.util.regex.Matcher.quoteReplacement("then\n  out.need(kcontext, \"event\", \"tupakan-vahittaismyynti\", $s;"));
    assertThat(broken).isNotEqualTo(drl);
    HttpResponse<String> put = send(editor, "PUT", "/api/v1/knowledge/items/rules/kauppa", Json.write(Map.of("text", broken)),
        rule.headers().firstValue("ETag").orElseThrow());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    JsonNode preview = json(send(editor, "POST", "/api/v1/knowledge/preview", null, null));
    assertThat(preview.path("valid").asBoolean()).isFalse();
    JsonNode problem = preview.path("problems").get(0);
    assertThat(problem.path("file").asText()).isEqualTo("rules/kauppa.drl");
    assertThat(problem.path("field").asText()).startsWith("line ");

    HttpResponse<String> publish = send(editor, "POST", "/api/v1/knowledge/publish", Json.write(Map.of("message", "Rikki")), null);
    assertThat(publish.statusCode()).isEqualTo(422);
    assertThat(json(publish).path("problems").get(0).path("file").asText()).isEqualTo("rules/kauppa.drl");

    assertThat(live()).isEqualTo(liveBefore);
    assertThat(server.navigator.knowledge().version()).isEqualTo(versionBefore);
    HttpResponse<String> chat = server.post("/api/v1/recommendations", Json.write(Map.of("text", "Avaan kioskin, jossa myyn tupakkaa.")));
    assertThat(chat.statusCode()).isEqualTo(200);
    assertThat(json(chat).path("knowledgeVersion").asText()).isEqualTo(versionBefore);
    assertThat(json(chat).path("lifeEvents").toString()).contains("tupakan-vahittaismyynti");
    assertThat(server.get("/api/v1/answers?q=anniskelulupa").statusCode()).isEqualTo(200);
  }

  @Test
  void aPublishedChangeAnswersSearchesUntilItIsRolledBack() throws Exception {
    assertThat(hitsFor(NEW_KEYWORD)).doesNotContain(ANSWER);
    HttpResponse<String> got = send(editor, "GET", ITEM, null, null);
    String edited = json(got).path("text").asText().replace("keywords: [allergeenit,", "keywords: [allergeenit, " + NEW_KEYWORD + ",");
    assertThat(send(editor, "PUT", ITEM, Json.write(Map.of("text", edited)), got.headers().firstValue("ETag").orElseThrow())
        .statusCode()).isEqualTo(200);
    int before = live();

    JsonNode preview = json(send(editor, "POST", "/api/v1/knowledge/preview", null, null));
    assertThat(preview.path("valid").asBoolean()).as(preview.toString()).isTrue();
    assertThat(preview.path("base").asInt()).isEqualTo(before);
    assertThat(preview.path("situations")).as("a keyword changes no plan").isEmpty();

    HttpResponse<String> published = send(editor, "POST", "/api/v1/knowledge/publish",
        Json.write(Map.of("message", "Allergeenivastaukseen hakusana")), null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    int version = json(published).path("version").asInt();
    assertThat(version).isEqualTo(before + 1);
    assertThat(json(published).path("hash").asText()).isEqualTo(server.navigator.knowledge().contentHash());
    assertThat(hitsFor(NEW_KEYWORD)).contains(ANSWER);
    assertThat(json(send(editor, "GET", "/api/v1/knowledge/draft", null, null)).path("changes")).as("published").isEmpty();

    JsonNode versions = json(send(editor, "GET", "/api/v1/knowledge/versions", null, null));
    assertThat(versions.path("live").asInt()).isEqualTo(version);
    assertThat(versions.at("/versions/0/message").asText()).isEqualTo("Allergeenivastaukseen hakusana");
    assertThat(versions.at("/versions/0/by").asText()).isEqualTo("eeva.toimittaja");
    assertThat(versions.at("/versions/0/origin").asText()).isEqualTo("publish");

    HttpResponse<String> rolled = send(editor, "POST", "/api/v1/knowledge/rollback", Json.write(Map.of("version", before)), null);
    assertThat(rolled.statusCode()).as(rolled.body()).isEqualTo(201);
    assertThat(json(rolled).path("version").asInt()).isEqualTo(version + 1);
    assertThat(hitsFor(NEW_KEYWORD)).doesNotContain(ANSWER);
    JsonNode after = json(send(editor, "GET", "/api/v1/knowledge/versions", null, null));
    assertThat(after.at("/versions/0/origin").asText()).isEqualTo("rollback");
    assertThat(after.at("/versions/0/hash").asText()).isEqualTo(after.path("versions").get(2).path("hash").asText());
    assertThat(send(editor, "POST", "/api/v1/knowledge/rollback", Json.write(Map.of("version", 9999)), null).statusCode())
        .isEqualTo(404);
    assertThat(send(editor, "POST", "/api/v1/knowledge/publish", Json.write(Map.of("message", "Ei mitään")), null).statusCode())
        .as("an empty draft").isEqualTo(409);

    assertThat(server.backend.audit().latest("eeva.toimittaja", 50)).extracting(AuditEvent::action)
        .contains("knowledge_item_put", "knowledge_publish", "knowledge_rollback", "knowledge_draft_discard");
  }

  @Test
  void theLiveVersionIsWhatAStartLoadsAndANewPackagedCorpusBecomesANewVersion() throws Exception {
    var store = server.backend.knowledge();
    var packaged = fi.viranomaisbotti.knowledge.KnowledgeSource.classpath("corpus", getClass().getClassLoader());
    var files = fi.viranomaisbotti.engine.editor.KnowledgeEditor.startingFiles(store, packaged, java.time.Clock.systemUTC());
    assertThat(fi.viranomaisbotti.engine.editor.KnowledgeEditor.contentHash(files)).isEqualTo(store.live().orElseThrow().hash());
    assertThat(store.live().orElseThrow().hash()).isEqualTo(server.navigator.knowledge().contentHash());
  }

  @Test
  void aNewItemIsAddedOnceAndRemovedWithItsEtag() throws Exception {
    String text = "id: a-terassin-lupa-testi\nname: Tarvitseeko kahvilan terassi luvan?\ncitizenText: Terassiin tarvitaan yleensä"
        + " kunnan lupa katualueen käyttöön.\nquestions: [\"Tarvitseeko terassi luvan?\"]\nmeta: {source: \"https://www.suomi.fi/\", owner: sisaltotiimi, reviewed: 2026-11-22,"
        + " status: DRAFT}\n";
    HttpResponse<String> created = send(editor, "POST", "/api/v1/knowledge/items/answers", Json.write(Map.of("text", text)), null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/knowledge/items/answers/a-terassin-lupa-testi");
    assertThat(json(created).path("file").asText()).isEqualTo("answers/toimitus.yaml");
    assertThat(json(created).path("text").asText()).startsWith("- id: a-terassin-lupa-testi");
    assertThat(send(editor, "POST", "/api/v1/knowledge/items/answers", Json.write(Map.of("text", text)), null).statusCode())
        .isEqualTo(409);
    JsonNode listed = json(send(editor, "GET", "/api/v1/knowledge/items/answers?q=terassi", null, null));
    assertThat(listed.path("items").toString()).contains("a-terassin-lupa-testi");

    String path = "/api/v1/knowledge/items/answers/a-terassin-lupa-testi";
    assertThat(send(editor, "DELETE", path, null, null).statusCode()).isEqualTo(428);
    assertThat(send(editor, "DELETE", path, null, "\"vanha\"").statusCode()).isEqualTo(412);
    assertThat(send(editor, "DELETE", path, null, created.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(204);
    assertThat(send(editor, "GET", path, null, null).statusCode()).isEqualTo(404);
    assertThat(send(editor, "GET", "/api/v1/knowledge/items/vitsit/x", null, null).statusCode()).isEqualTo(400);
  }

  @Test
  void anExportedVersionImportsAsTheDraftAndABadZipIsRefused() throws Exception {
    HttpResponse<byte[]> export = server.http.send(editor.on(HttpRequest.newBuilder(server.uri("/api/v1/knowledge/versions/" + live() + "/export")))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
    Map<String, String> files = unzip(export.body());
    assertThat(files).containsKeys("corpus.yaml", "answers/a-kahvila-ja-ravintola.yaml", "rules/kauppa.drl");

    HttpResponse<String> same = importZip(export.body());
    assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
    assertThat(json(same).path("changes")).as("the live version's own content").isEmpty();

    String file = "answers/a-kahvila-ja-ravintola.yaml";
    files.put(file, files.get(file).replace("keywords: [allergeenit,", "keywords: [allergeenit, " + NEW_KEYWORD + ","));
    HttpResponse<String> changed = importZip(zip(files));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(json(changed).path("changes").toString()).contains(ANSWER).contains("CHANGED");
    assertThat(json(send(editor, "GET", ITEM, null, null)).path("text").asText()).contains(NEW_KEYWORD);

    Map<String, String> climbing = new LinkedHashMap<>(files);
    climbing.put("../../etc/cron.yaml", "x: 1\n");
    HttpResponse<String> refused = importZip(zip(climbing));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(json(refused).at("/error/code").asText()).isEqualTo("bad_zip_entry");
    assertThat(importZip("ei zip".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    assertThat(json(send(editor, "GET", ITEM, null, null)).path("text").asText()).as("the draft is as imported").contains(NEW_KEYWORD);
  }

  // ---- helpers

  private static int live() throws Exception {
    return json(send(editor, "GET", "/api/v1/knowledge/versions", null, null)).path("live").asInt();
  }

  private static java.util.List<String> hitsFor(String query) throws Exception {
    JsonNode hits = json(server.get("/api/v1/answers?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).path("hits");
    java.util.List<String> ids = new java.util.ArrayList<>();
    hits.forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  private static HttpResponse<String> send(Accounts.Session session, String method, String path, String body, String ifMatch)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    if (session != null) {
      session.on(b);
    }
    return server.http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> importZip(byte[] zip) throws Exception {
    return server.http.send(editor.on(HttpRequest.newBuilder(server.uri("/api/v1/knowledge/draft/import")))
        .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return ServerFixture.json(r);
  }

  private static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static byte[] zip(Map<String, String> files) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
