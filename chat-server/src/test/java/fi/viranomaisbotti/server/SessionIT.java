package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.accounts.AccountService;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in and out over HTTP: the cookie, the CSRF token, the lockout, account changes and their audit. */
class SessionIT extends ServerIT {

  @BeforeAll
  static void accounts() {
    Accounts.create(server, "aino.neuvoja", EnumSet.of(Role.ADVISER));
    Accounts.create(server, "eero.yllapitaja", EnumSet.of(Role.ADMIN));
    Accounts.create(server, "lukittava", EnumSet.of(Role.ADVISER));
  }

  private static JsonNode error(HttpResponse<String> r) throws Exception {
    return ServerFixture.json(r).path("error");
  }

  @Test
  void aSignInSetsAnHttpOnlyStrictCookieAndAnswersTheUserRolesAndCsrfToken() throws Exception {
    HttpResponse<String> r = server.post("/api/v1/session", Json.write(Map.of("username", "aino.neuvoja", "password", Accounts.PASSWORD)));
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("vb_session=").contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
    JsonNode body = ServerFixture.json(r);
    assertThat(body.path("user").asText()).isEqualTo("aino.neuvoja");
    assertThat(body.path("roles").toString()).isEqualTo("[\"ADVISER\"]");
    assertThat(body.path("csrfToken").asText()).hasSizeGreaterThan(20);
    assertThat(body.has("password")).isFalse();
  }

  @Test
  void theSessionIsKnownByItsCookieAndEndsWithSignOut() throws Exception {
    Accounts.Session s = Accounts.signIn(server, "aino.neuvoja");
    HttpResponse<String> who = Accounts.send(server, s, "GET", "/api/v1/session", null);
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(ServerFixture.json(who).path("csrfToken").asText()).isEqualTo(s.csrf());
    assertThat(Accounts.send(server, s, "GET", "/api/v1/handoffs", null).statusCode()).isEqualTo(200);

    HttpResponse<String> out = Accounts.send(server, s, "DELETE", "/api/v1/session", null);
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(Accounts.send(server, s, "GET", "/api/v1/handoffs", null).statusCode()).as("the old cookie after sign-out").isEqualTo(401);
    assertThat(Accounts.send(server, null, "GET", "/api/v1/session", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnsafeRequestOfASignedInSessionWithoutItsCsrfTokenIsRefused() throws Exception {
    Accounts.Session s = Accounts.signIn(server, "aino.neuvoja");
    Accounts.Session noToken = new Accounts.Session(s.username(), s.cookie(), "");
    Accounts.Session wrongToken = new Accounts.Session(s.username(), s.cookie(), s.csrf() + "x");
    for (Accounts.Session bad : List.of(noToken, wrongToken)) {
      HttpResponse<String> r = Accounts.send(server, bad, "POST", "/api/v1/recommendations", "{\"text\":\"Avaan kahvilan.\"}");
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(error(r).path("code").asText()).isEqualTo("csrf_token_required");
      assertThat(Accounts.send(server, bad, "DELETE", "/api/v1/session", null).statusCode()).isEqualTo(403);
    }
    assertThat(Accounts.send(server, s, "POST", "/api/v1/recommendations", "{\"text\":\"Avaan kahvilan.\"}").statusCode())
        .as("with the token").isEqualTo(200);
    assertThat(Accounts.send(server, noToken, "GET", "/api/v1/handoffs", null).statusCode())
        .as("a safe method needs no token").isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefusedAndRepeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
    String wrong = Json.write(Map.of("username", "lukittava", "password", "väärä salasana"));
    for (int i = 1; i < AccountService.FREE_FAILURES; i++) {
      HttpResponse<String> r = server.post("/api/v1/session", wrong);
      assertThat(r.statusCode()).as("failure %d", i).isEqualTo(401);
      assertThat(error(r).path("code").asText()).isEqualTo("sign_in_failed");
    }
    HttpResponse<String> locked = server.post("/api/v1/session", wrong);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(error(locked).path("code").asText()).isEqualTo("account_locked");
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> right = server.post("/api/v1/session", Json.write(Map.of("username", "lukittava", "password", Accounts.PASSWORD)));
    assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
  }

  @Test
  void anUnknownNameAndAWrongPasswordAnswerAlike() throws Exception {
    HttpResponse<String> unknown = server.post("/api/v1/session", Json.write(Map.of("username", "ei-ketaan", "password", "mitä tahansa")));
    HttpResponse<String> wrong = server.post("/api/v1/session", Json.write(Map.of("username", "eero.yllapitaja", "password", "väärin")));
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(error(unknown).path("message").asText()).isEqualTo(error(wrong).path("message").asText());
  }

  @Test
  void anAdminAddsAnAccountSetsItsRolesDisablesItAndEveryChangeIsInTheAuditLog() throws Exception {
    Accounts.Session admin = Accounts.signIn(server, "eero.yllapitaja");
    HttpResponse<String> created = Accounts.send(server, admin, "POST", "/api/v1/accounts",
        Json.write(Map.of("username", "uusi.neuvoja", "password", Accounts.PASSWORD, "roles", List.of("ADVISER"))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(Accounts.send(server, admin, "POST", "/api/v1/accounts",
        Json.write(Map.of("username", "uusi.neuvoja", "password", Accounts.PASSWORD, "roles", List.of("ADVISER")))).statusCode())
        .as("the same name twice").isEqualTo(409);
    assertThat(Accounts.send(server, admin, "POST", "/api/v1/accounts",
        Json.write(Map.of("username", "lyhyt", "password", "lyhyt", "roles", List.of("ADVISER")))).statusCode())
        .as("a short password").isEqualTo(400);

    Accounts.Session newcomer = Accounts.signIn(server, "uusi.neuvoja");
    HttpResponse<String> editor = Accounts.send(server, admin, "PATCH", "/api/v1/accounts/uusi.neuvoja",
        "{\"roles\":[\"ADVISER\",\"EDITOR\"]}");
    assertThat(ServerFixture.json(editor).path("roles").toString()).isEqualTo("[\"ADVISER\",\"EDITOR\"]");
    assertThat(Accounts.send(server, newcomer, "GET", "/api/v1/handoffs", null).statusCode())
        .as("a change ends the account's sessions").isEqualTo(401);

    assertThat(Accounts.send(server, admin, "PATCH", "/api/v1/accounts/uusi.neuvoja", "{\"enabled\":false}").statusCode()).isEqualTo(200);
    assertThat(server.post("/api/v1/session", Json.write(Map.of("username", "uusi.neuvoja", "password", Accounts.PASSWORD))).statusCode())
        .as("a disabled account cannot sign in").isEqualTo(401);

    JsonNode events = ServerFixture.json(Accounts.send(server, admin, "GET", "/api/v1/audit?actor=eero.yllapitaja", null)).path("events");
    List<String> seen = new ArrayList<>();
    events.forEach(e -> seen.add(e.path("action").asText() + " " + e.path("target").asText()));
    assertThat(seen).contains("account_create uusi.neuvoja", "account_change uusi.neuvoja", "sign_in ");
    assertThat(events.get(0).path("at").asText()).isNotBlank();
  }

  @Test
  void theLastEnabledAdministratorCannotBeDisabled() throws Exception {
    Accounts.Session admin = Accounts.signIn(server, "eero.yllapitaja");
    List<String> admins = new ArrayList<>();
    ServerFixture.json(Accounts.send(server, admin, "GET", "/api/v1/accounts", null)).path("accounts").forEach(a -> {
      if (a.path("roles").toString().contains("ADMIN") && a.path("enabled").asBoolean()) {
        admins.add(a.path("username").asText());
      }
    });
    assertThat(admins).containsExactly("eero.yllapitaja");
    HttpResponse<String> r = Accounts.send(server, admin, "PATCH", "/api/v1/accounts/eero.yllapitaja", "{\"enabled\":false}");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(error(r).path("code").asText()).isEqualTo("account_last_admin");
  }

  @Test
  void aSearchWithOfficialNotesIsAuditedWithTheAdvisersName() throws Exception {
    Accounts.Session adviser = Accounts.signIn(server, "aino.neuvoja");
    HttpResponse<String> r = Accounts.send(server, adviser, "GET", "/api/v1/answers?q=anniskelulupa&audience=official", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("officialNotes");
    assertThat(server.backend.audit().latest("aino.neuvoja", 20))
        .anySatisfy(e -> {
          assertThat(e.action()).isEqualTo("search_official");
          assertThat(e.target()).isEqualTo("anniskelulupa");
        });
  }
}
