package fi.viranomaisbotti.server;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Role;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Test accounts on a {@link ServerFixture}: created through the account service, signed in over HTTP. */
final class Accounts {
  static final String PASSWORD = "oikein-pitkä salasana 42";

  private Accounts() {}

  /** A signed-in session: its cookie and CSRF token. */
  record Session(String username, String cookie, String csrf) {
    HttpRequest.Builder on(HttpRequest.Builder request) {
      return request.header("Cookie", cookie).header("X-CSRF-Token", csrf);
    }
  }

  static void create(ServerFixture server, String username, Set<Role> roles) {
    server.backend.accounts().create(username, PASSWORD, roles);
  }

  static Session signIn(ServerFixture server, String username) throws IOException, InterruptedException {
    HttpResponse<String> r = server.post("/api/v1/session",
        Json.write(Map.of("username", username, "password", PASSWORD)));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Sign-in of " + username + " failed: " + r.statusCode() + " " + r.body());
    }
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    JsonNode body = ServerFixture.json(r);
    return new Session(username, setCookie.substring(0, setCookie.indexOf(';')), body.path("csrfToken").asText());
  }

  static HttpResponse<String> send(ServerFixture server, Session session, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      session.on(b);
    }
    return server.http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
