package fi.viranomaisbotti.server;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

class RestApiIT extends ServerIT {
  static final String LIISA =
      "Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan, jossa on sikala, ja tilan yhteyteen"
          + " ravintolan, jossa myydään omista sioista tehtyä luomumakkaraa.";


  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  private static String body(String text) {
    return Json.write(Map.of("text", text));
  }

  @Test
  void healthReportsRealMorphologyRulesIndexAndDatabase() throws Exception {
    HttpResponse<String> r = server.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode c = ServerFixture.json(r).get("components");
    assertThat(c.at("/morphology/probe").asText()).isEqualTo("sika");
    assertThat(c.at("/morphology/implementation").asText()).contains("libvoikko");
    assertThat(c.at("/rules/count").asInt()).isGreaterThan(20);
    assertThat(c.at("/rules/version").asText()).isNotBlank();
    assertThat(c.at("/index/documents").asInt()).isGreaterThanOrEqualTo(20);
    assertThat(c.at("/database/status").asText()).isEqualTo("up");
  }

  @Test
  void analyzeShowsPersonalDataOnlyAsPlaceholders() throws Exception {
    String body = server.post("/api/v1/analyze",
        body("Nimeni on Matti Meikäläinen, hetu 131052-308T, puhelin 0401234567 ja sähköposti matti@example.fi. Avaan kahvilan.")).body();
    assertThat(body).doesNotContain("131052", "308T", "0401234567", "matti@example.fi", "Meikäläinen").contains("kahvilan");
    assertThat(ServerFixture.json(server.post("/api/v1/analyze", body("Soita 0401234567."))).get("personalData")).hasSize(1);
  }

  @Test
  void analyzeReturnsLemmasWordClassesAndCompoundParts() throws Exception {
    HttpResponse<String> r = server.post("/api/v1/analyze", body("Haluan myydä luomumakkaraa sioista."));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode a = ServerFixture.json(r);
    assertThat(a.get("language").asText()).isEqualTo("fi");
    JsonNode tokens = a.at("/sentences/0/tokens");
    JsonNode makkara = tokens.get(2);
    assertThat(makkara.get("text").asText()).isEqualTo("luomumakkaraa");
    assertThat(makkara.get("lemma").asText()).isEqualTo("luomumakkara");
    assertThat(makkara.get("pos").asText()).isEqualTo("NOUN");
    assertThat(makkara.get("compoundParts")).extracting(JsonNode::asText).containsExactly("luomu", "makkara");
    assertThat(tokens.get(3).get("lemma").asText()).isEqualTo("sika");
    assertThat(a.get("maskedText").asText()).isEqualTo("Haluan myydä luomumakkaraa sioista.");
  }

  @Test
  void liisasStoryYieldsEveryRegistrationPermitAndInsuranceSheNeeds() throws Exception {
    HttpResponse<String> r = server.post("/api/v1/recommendations", body(LIISA));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode rec = ServerFixture.json(r);
    assertThat(ids(rec.get("obligations")))
        .contains(
            "yrityksen-rekisterointi", // PRH / YTJ
            "ennakkoperintarekisteri", // Verohallinto
            "alv-rekisteri", // Verohallinto
            "elaintenpitajarekisteri",
            "luomuvalvonta",
            "rakentamislupa",
            "elintarvikehuoneisto-ilmoitus",
            "ymparistolupa-elainsuoja",
            "myel-vakuutus");
    assertThat(ids(rec.get("actors"))).contains("prh", "verohallinto", "mela");
    for (String list : List.of("lifeEvents", "actors", "obligations", "services", "plan")) {
      assertThat(rec.get(list)).as(list).isNotEmpty();
      rec.get(list).forEach(item -> {
        assertThat(item.get("id").asText()).isNotBlank();
        assertThat(item.get("name").asText()).isNotBlank();
        assertThat(item.get("why").asText()).isNotBlank();
      });
    }
    assertThat(rec.get("questions")).isNotEmpty();
    rec.get("questions").forEach(q -> assertThat(q.get("why").asText()).isNotBlank());
  }

  @Test
  void analyzeGivesUdLemmasWhenAskedAndTheChatsByDefault() throws Exception {
    String text = "Omista sioista tehtyä makkaraa myydään.";
    JsonNode reading = ServerFixture.json(server.post("/api/v1/analyze", body(text)));
    JsonNode ud = ServerFixture.json(server.post("/api/v1/analyze", Json.write(Map.of("text", text, "lemmaStyle", "ud"))));
    JsonNode explicit = ServerFixture.json(server.post("/api/v1/analyze", Json.write(Map.of("text", text, "lemmaStyle", "reading"))));
    assertThat(reading.at("/sentences/0/tokens/2/lemma").asText()).isEqualTo("tehty");
    assertThat(ud.at("/sentences/0/tokens/2/lemma").asText()).isEqualTo("tehdä");
    assertThat(explicit.at("/sentences/0/tokens/2/lemma").asText()).isEqualTo("tehty");
    HttpResponse<String> bad = server.post("/api/v1/analyze", Json.write(Map.of("text", text, "lemmaStyle", "stem")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(ServerFixture.json(bad).at("/error/code").asText()).isEqualTo("bad_lemma_style");
  }

  @Test
  void analyzeGivesCompoundPartsAtTheDictionarysBoundaries() throws Exception {
    JsonNode a = ServerFixture.json(server.post("/api/v1/analyze", body("Tapaturmavakuutus kattaa maatalousyrittäjän.")));
    assertThat(a.at("/sentences/0/tokens/0/compoundParts")).extracting(JsonNode::asText).containsExactly("tapaturma", "vakuutus");
    assertThat(a.at("/sentences/0/tokens/2/compoundParts")).extracting(JsonNode::asText).containsExactly("maatalous", "yrittäjä");
  }

  @Test
  void aMisspeltWordIsReadAndTheReadingIsShown() throws Exception {
    HttpResponse<String> r = server.post("/api/v1/recommendations", body("Avaan ravintlan Tampereelle."));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode rec = ServerFixture.json(r);
    assertThat(rec.get("interpretations").toString()).isEqualTo("[{\"from\":\"ravintlan\",\"to\":\"ravintolan\"}]");
    assertThat(ids(rec.get("lifeEvents"))).contains("ravintolan-perustaminen");
  }

  @Test
  void aCafeStoryGetsNoneOfTheFarmItems() throws Exception {
    JsonNode rec = ServerFixture.json(server.post("/api/v1/recommendations", body("Haluan perustaa kahvilan Tampereelle.")));
    assertThat(ids(rec.get("obligations"))).contains("yrityksen-rekisterointi", "elintarvikehuoneisto-ilmoitus");
    assertThat(ids(rec.get("obligations")))
        .doesNotContain("elaintenpitajarekisteri", "luomuvalvonta", "myel-vakuutus", "ymparistolupa-elainsuoja");
    assertThat(ids(rec.get("actors"))).doesNotContain("mela");
  }

  @Test
  void changedFactsReturnTheChangedPlan() throws Exception {
    JsonNode before = ServerFixture.json(server.post("/api/v1/recommendations", body("Avaan kahvilan.")));
    assertThat(ids(before.get("obligations"))).contains("anniskelulupa");
    JsonNode after = ServerFixture.json(
        server.post("/api/v1/recommendations", "{\"text\":\"Avaan kahvilan.\",\"facts\":{\"alkoholi\":false}}"));
    assertThat(ids(after.get("obligations"))).doesNotContain("anniskelulupa");
    assertThat(after.at("/facts/alkoholi").asBoolean(true)).isFalse();
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("empty body", new byte[0], 400, "empty_body"),
        Arguments.of("malformed JSON", "{\"text\": ".getBytes(StandardCharsets.UTF_8), 400, "malformed_json"),
        Arguments.of("JSON array", "[1,2]".getBytes(StandardCharsets.UTF_8), 400, "not_an_object"),
        Arguments.of("missing text", "{}".getBytes(StandardCharsets.UTF_8), 400, "missing_text"),
        Arguments.of("blank text", "{\"text\":\"   \"}".getBytes(StandardCharsets.UTF_8), 400, "empty_text"),
        Arguments.of("number as text", "{\"text\":42}".getBytes(StandardCharsets.UTF_8), 400, "text_not_string"),
        Arguments.of("text over the limit", Json.write(Map.of("text", "sika ".repeat(2_001))).getBytes(StandardCharsets.UTF_8), 413, "text_too_long"),
        Arguments.of("body over the limit", ("{\"text\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8), 413, "request_too_large"),
        Arguments.of("binary", randomBytes(), 400, "not_utf8"),
        Arguments.of("facts not an object", "{\"text\":\"kahvila\",\"facts\":[1]}".getBytes(StandardCharsets.UTF_8), 400, "facts_not_object"),
        Arguments.of("unknown fact", "{\"text\":\"kahvila\",\"facts\":{\"avaruusalus\":true}}".getBytes(StandardCharsets.UTF_8), 400, "bad_input"));
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[2048];
    new Random(7).nextBytes(b);
    b[0] = (byte) 0xC3;
    b[1] = (byte) 0x28; // an invalid UTF-8 sequence, so the test never depends on luck
    return b;
  }

  @ParameterizedTest(name = "{0} gets {2} {3}")
  @MethodSource("badBodies")
  void badInputGetsAClearJsonErrorAndTheServerKeepsServing(String name, byte[] body, int status, String code) throws Exception {
    for (String path : List.of("/api/v1/recommendations", "/api/v1/analyze")) {
      if (code.equals("facts_not_object") || code.equals("bad_input")) {
        if (path.endsWith("analyze")) {
          continue;
        }
      }
      HttpResponse<String> r = server.post(path, body);
      assertThat(r.statusCode()).as(path).isEqualTo(status);
      JsonNode error = ServerFixture.json(r).get("error");
      assertThat(error.get("code").asText()).isEqualTo(code);
      assertThat(error.get("message").asText()).isNotBlank();
    }
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void scriptInTheTextComesBackAsPlainJsonData() throws Exception {
    String evil = "<script>alert('x')</script> Avaan kahvilan.";
    HttpResponse<String> r = server.post("/api/v1/analyze", body(evil));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
    assertThat(ServerFixture.json(r).get("maskedText").asText()).isEqualTo(evil);
  }

  @Test
  void answerSearchHonoursAudienceAndLimit() throws Exception {
    JsonNode citizen = ServerFixture.json(server.get("/api/v1/answers?q=anniskeluluvan%20hakeminen&limit=2"));
    assertThat(citizen.get("hits")).hasSizeBetween(1, 2);
    JsonNode top = citizen.get("hits").get(0);
    assertThat(top.get("title").asText()).isNotBlank();
    assertThat(top.get("snippet").asText()).isNotBlank();
    assertThat(top.has("officialNotes")).isFalse();
    assertThat(server.get("/api/v1/answers?q=anniskeluluvan%20hakeminen&audience=official").statusCode())
        .as("the official notes without signing in").isEqualTo(401);
    Accounts.create(server, "rest.neuvoja", java.util.EnumSet.of(fi.viranomaisbotti.server.web.Role.ADVISER));
    JsonNode official = ServerFixture.json(Accounts.send(server, Accounts.signIn(server, "rest.neuvoja"), "GET",
        "/api/v1/answers?q=anniskeluluvan%20hakeminen&audience=official", null));
    assertThat(official.get("hits").get(0).has("officialNotes")).isTrue();

    String id = top.get("id").asText();
    JsonNode one = ServerFixture.json(server.get("/api/v1/answers/" + id));
    assertThat(one.get("id").asText()).isEqualTo(id);
    assertThat(one.get("source").asText()).isNotBlank();
  }

  @Test
  void searchFiltersByActorHighlightsAndSuggestsSpellings() throws Exception {
    JsonNode filtered = ServerFixture.json(server.get("/api/v1/answers?q=lupa&actor=lupa-ja-valvontavirasto&municipality=Sein%C3%A4joki"));
    assertThat(filtered.get("hits")).isNotEmpty();
    filtered.get("hits").forEach(h -> assertThat(h.get("related")).extracting(JsonNode::asText).contains("lupa-ja-valvontavirasto"));
    assertThat(filtered.at("/municipality/vitalityCentre").asText()).isEqualTo("Etelä-Pohjanmaan elinvoimakeskus");

    JsonNode hit = ServerFixture.json(server.get("/api/v1/answers?q=anniskelulupa")).at("/hits/0");
    String snippet = hit.get("snippet").asText();
    List<String> marked = new ArrayList<>();
    hit.get("highlights").forEach(r -> marked.add(snippet.substring(r.get(0).asInt(), r.get(1).asInt()).toLowerCase(java.util.Locale.ROOT)));
    // The lemma matches "anniskelulupa" itself; the concept "alkoholi" also marks "alkoholijuomien".
    assertThat(marked).anySatisfy(m -> assertThat(m).startsWith("anniskelu"));

    JsonNode typo = ServerFixture.json(server.get("/api/v1/answers?q=ymparistolupa%20sikalalle"));
    assertThat(typo.get("didYouMean").asText()).isEqualTo("ympäristölupa sikalalle");
    assertThat(typo.get("hits")).isNotEmpty();

    JsonNode suggestions = ServerFixture.json(server.get("/api/v1/answers/suggest?prefix=anni"));
    assertThat(suggestions.get("suggestions")).isNotEmpty();
    suggestions.get("suggestions").forEach(x -> assertThat(x.asText().toLowerCase(java.util.Locale.ROOT)).contains("anni"));
    assertThat(server.get("/api/v1/answers/suggest").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/answers?q=lupa&actor=avaruusvirasto").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/answers?q=lupa&municipality=Atlantis").statusCode()).isEqualTo(400);
  }

  @Test
  void badSearchParametersGet400AndUnknownAnswers404() throws Exception {
    assertThat(server.get("/api/v1/answers").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/answers?q=lupa&limit=0").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/answers?q=lupa&limit=kolme").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/v1/answers?q=lupa&audience=kuningas").statusCode()).isEqualTo(400);
    HttpResponse<String> missing = server.get("/api/v1/answers/ei-ole-olemassa");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(ServerFixture.json(missing).at("/error/code").asText()).isEqualTo("answer_not_found");
  }

  @Test
  void garbledParametersGetAJsonErrorNamingTheProblem() throws Exception {
    ServerFixture.Raw badEscape = server.rawGet("/api/v1/answers?q=%ZZ%E4");
    assertThat(badEscape.status()).isEqualTo(400);
    assertThat(badEscape.body()).contains("bad_encoding");
    ServerFixture.Raw notUtf8 = server.rawGet("/api/v1/answers?q=%C3%28%FF%FE");
    assertThat(notUtf8.status()).isEqualTo(400);
    assertThat(notUtf8.body()).contains("bad_encoding");
    assertThat(server.get("/api/v1/answers?q=lupa%00%1B").statusCode()).isEqualTo(400);
    ServerFixture.Raw badPath = server.rawGet("/api/v1/answers/%E4");
    assertThat(badPath.status()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(badPath.body()).at("/error/code").asText()).isEqualTo("bad_encoding");
    ServerFixture.Raw longEscaped = server.rawGet("/api/v1/answers?q=" + "%C3%A4".repeat(1_300));
    assertThat(longEscaped.status()).isEqualTo(400);
    assertThat(longEscaped.body()).contains("query_too_long");
    ServerFixture.Raw huge = server.rawGet("/api/v1/answers?q=" + "a".repeat(20_000));
    assertThat(huge.status()).isEqualTo(414);
    assertThat(huge.contentType()).startsWith("application/json");
    assertThat(Json.MAPPER.readTree(huge.body()).at("/error/code").asText()).isEqualTo("uri_too_long");
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void decomposedLettersAndCaseInIdsAreReadAsPlainText() throws Exception {
    // "ympäristölupa" with ä and ö as a letter plus a combining diaeresis (NFD).
    JsonNode nfd = ServerFixture.json(server.get("/api/v1/answers?q=ympa%CC%88risto%CC%88lupa"));
    assertThat(nfd.get("hits")).isNotEmpty();
    assertThat(server.get("/api/v1/answers?q=lupa&actor=Lupa-ja-valvontavirasto").statusCode()).isEqualTo(200);
  }

  @Test
  void searchAcceptsNamesWithoutDiacriticsAndTellsOtherLanguagesTheAnswersAreFinnish() throws Exception {
    JsonNode place = ServerFixture.json(server.get("/api/v1/answers?q=lupa&municipality=Seinajoki"));
    assertThat(place.at("/municipality/name").asText()).isEqualTo("Seinäjoki");
    JsonNode suggestions = ServerFixture.json(server.get("/api/v1/answers/suggest?prefix=ymparisto"));
    assertThat(suggestions.get("suggestions")).isNotEmpty();
    JsonNode english = ServerFixture.json(server.get("/api/v1/answers?q=how%20do%20I%20get%20a%20liquor%20license"));
    assertThat(english.get("language").asText()).isEqualTo("en");
    assertThat(english.get("notices").get(0).asText()).contains("Finnish only");
    JsonNode finnish = ServerFixture.json(server.get("/api/v1/answers?q=anniskelulupa"));
    assertThat(finnish.get("language").asText()).isEqualTo("fi");
    assertThat(finnish.get("notices")).isEmpty();
  }

  @Test
  void everyRelatedIdComesWithItsKindAndName() throws Exception {
    JsonNode hit = ServerFixture.json(server.get("/api/v1/answers?q=anniskelulupa")).at("/hits/0");
    assertThat(hit.get("relatedItems").size()).isEqualTo(hit.get("related").size()).isPositive();
    for (int i = 0; i < hit.get("related").size(); i++) {
      JsonNode item = hit.get("relatedItems").get(i);
      assertThat(item.get("id").asText()).isEqualTo(hit.get("related").get(i).asText());
      assertThat(item.get("kind").asText()).isIn("actor", "obligation", "service", "event", "answer");
      assertThat(item.get("name").asText()).isNotBlank();
    }
  }

  @Test
  void suggestionsStartingWithThePrefixComeFirstAndDiacriticsTypedAreKept() throws Exception {
    JsonNode plain = ServerFixture.json(server.get("/api/v1/answers/suggest?prefix=yr&limit=20")).get("suggestions");
    assertThat(plain.get(0).asText().toLowerCase(java.util.Locale.ROOT)).startsWith("yr");
    JsonNode withUmlaut = ServerFixture.json(server.get("/api/v1/answers/suggest?prefix=%C3%A4%C3%A4&limit=20")).get("suggestions");
    assertThat(withUmlaut).isNotEmpty();
    withUmlaut.forEach(x -> assertThat(x.asText().toLowerCase(java.util.Locale.ROOT)).contains("ää"));
  }

  @Test
  void anAnswerByIdInAnyCaseNamesItsRelatedItems() throws Exception {
    HttpResponse<String> r = server.get("/api/v1/answers/SIKALAN-YMPARISTOLUPA");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode a = ServerFixture.json(r);
    assertThat(a.get("relatedItems").size()).isEqualTo(a.get("related").size()).isPositive();
    assertThat(a.at("/relatedItems/0/name").asText()).isNotBlank();
  }

  @Test
  void aWrongMethodOnAKnownPathGets405WithTheAllowedMethods() throws Exception {
    HttpResponse<String> r = server.post("/api/v1/answers", "{}");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    assertThat(ServerFixture.json(r).at("/error/code").asText()).isEqualTo("method_not_allowed");
    assertThat(server.post("/api/v1/answers/abc", "{}").statusCode()).isEqualTo(405);
    assertThat(server.post("/api/v1/ei-tallaista", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void theChatPageAndTheOpenApiDescriptionAreServed() throws Exception {
    HttpResponse<String> page = server.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Viranomaisbotti", "/chat.js");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> spec = server.get("/openapi.yaml");
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).startsWith("openapi: 3");
  }

  @Test
  void pagesScriptsAndWebJarsAreServedFromTheClassPathAndNothingOutsideTheirFolders() throws Exception {
    HttpResponse<String> script = server.get("/chat.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
    assertThat(script.headers().firstValue("Cache-Control")).hasValue("max-age=0");
    String etag = script.headers().firstValue("ETag").orElseThrow();
    ServerFixture.Exchange again = server.raw(ascii("GET /chat.js HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: " + etag
        + "\r\nConnection: close\r\n\r\n"), false);
    assertThat(again.status()).isEqualTo(304);
    HttpResponse<String> library = server.get("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js");
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.body()).contains("cytoscape");
    assertThat(library.headers().firstValue("Cache-Control")).hasValue("max-age=31622400");
    assertThat(server.get("/explorer/kartta.js").statusCode()).isEqualTo(200);
    // The class path beyond the served folders stays out of reach.
    for (String outside : List.of("/log4j2.xml", "/public/chat.js", "/webjars/a/../../log4j2.xml", "/webjars/../log4j2.xml",
        "/explorer/..%2f..%2flog4j2.xml", "/explorer/../../log4j2.xml", "/%2e%2e/log4j2.xml", "/explorer/")) {
      ServerFixture.Exchange r = server.raw(ascii("GET " + outside + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), false);
      assertThat(r.status()).as(outside).isIn(400, 404);
      assertThat(r.body()).as(outside).doesNotContain("<Configuration", "<script");
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A raw POST to /api/v1/analyze whose body HTTP cannot read: 400 in the JSON shape, with every header. */
  private static ServerFixture.Exchange unreadable(String framing, String body, boolean halfClose) throws Exception {
    ServerFixture.Exchange r = server.raw(ascii("POST /api/v1/analyze HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\n" + framing + "Connection: close\r\n\r\n" + body), halfClose);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("bad_request");
    assertThat(r.headers()).containsEntry("cache-control", "no-store")
        .containsKeys("content-security-policy", "permissions-policy", "cross-origin-opener-policy");
    return r;
  }

  @Test
  void aBodyShorterThanItsContentLengthGets400InTheJsonShape() throws Exception {
    ServerFixture.Exchange r = unreadable("Content-Length: 100\r\n", "{\"text\": \"kahvila", true);
    assertThat(r.json().at("/error/message").asText()).contains("Content-Length");
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aBadChunkSizeGets400InTheJsonShape() throws Exception {
    ServerFixture.Exchange r =
        unreadable("Transfer-Encoding: chunked\r\n", "ZZ\r\n{\"text\": \"kahvila\"}\r\n0\r\n\r\n", false);
    assertThat(r.json().at("/error/message").asText()).contains("chunked encoding");
  }

  @Test
  void aBodyStartingWithAByteOrderMarkIsRead() throws Exception {
    byte[] json = body("Avaan kahvilan.").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    assertThat(server.post("/api/v1/analyze", withBom).statusCode()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsExplainedInPlainWordsWithoutTheParsersNames() throws Exception {
    HttpResponse<String> deep = server.post("/api/v1/analyze", "[".repeat(5_000));
    HttpResponse<String> broken = server.post("/api/v1/analyze", "{\"text\": kahvila}");
    HttpResponse<String> digits = server.post("/api/v1/recommendations", "{\"text\":\"kahvila\",\"facts\":{\"alkoholi\":" + "9".repeat(5_000) + "}}");
    for (HttpResponse<String> r : List.of(deep, broken, digits)) {
      assertThat(r.statusCode()).isEqualTo(400);
      String message = ServerFixture.json(r).at("/error/message").asText();
      assertThat(message).doesNotContain("StreamReadConstraints", "Feature", "jackson", "Jackson", "`", "code 1");
    }
    assertThat(ServerFixture.json(deep).at("/error/message").asText()).contains("nested too deeply");
    assertThat(ServerFixture.json(broken).at("/error/message").asText()).contains("line 1, column");
  }

  @Test
  void aValueEchoedInAnErrorIsCutTo80Characters() throws Exception {
    String key = "x".repeat(20_000);
    HttpResponse<String> r = server.post("/api/v1/recommendations", "{\"text\":\"kahvila\",\"facts\":{\"" + key + "\":true}}");
    assertThat(r.statusCode()).isEqualTo(400);
    String message = ServerFixture.json(r).at("/error/message").asText();
    assertThat(message).contains("x".repeat(80) + "…").doesNotContain("x".repeat(81));
    assertThat(message.length()).isLessThan(600);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndApiAnswersAreNotStored() throws Exception {
    HttpResponse<String> api = server.get("/api/v1/answers?q=anniskelulupa");
    HttpResponse<String> missing = server.get("/ei-ole-olemassa");
    HttpResponse<String> page = server.get("/");
    for (HttpResponse<String> r : List.of(api, missing, page)) {
      assertThat(r.headers().firstValue("Permissions-Policy")).as(r.uri().toString()).isPresent();
      assertThat(r.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString()
          .contains("connect-src 'self';").doesNotContain("ws:", "wss:");
      assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
    assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-store");
    ServerFixture.Exchange tooLong = server.raw(ascii("GET /api/v1/answers?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), false);
    assertThat(tooLong.status()).isEqualTo(414);
    assertThat(tooLong.headers()).containsKeys("permissions-policy", "content-security-policy", "cross-origin-opener-policy")
        .containsEntry("cache-control", "no-store");
    ServerFixture.Exchange badVersion = server.raw(ascii("GET / HTTP/7.3\r\nHost: localhost\r\n\r\n"), false);
    assertThat(badVersion.status()).isBetween(400, 505);
    assertThat(badVersion.headers()).containsKeys("permissions-policy", "content-security-policy");
    assertThat(badVersion.json().at("/error/message").asText()).isNotBlank();
  }
}
