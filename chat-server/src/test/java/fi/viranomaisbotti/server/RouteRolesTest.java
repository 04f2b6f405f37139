package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.server.api.ApiHandlers;
import fi.viranomaisbotti.server.web.Faces;
import fi.viranomaisbotti.server.web.Role;
import fi.viranomaisbotti.server.web.Route;
import fi.viranomaisbotti.server.web.RouteRegistry;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route says who may call it, and the running server keeps to it: each route that needs a
 * role refuses anonymous callers (401) and callers with only other roles (403), and lets a caller
 * with the role past the check. The routes are read from the registry, so a new route is checked
 * as soon as it is declared.
 */
class RouteRolesTest {
  private static ServerFixture server;
  /** One signed-in session per role, each holding only that role. */
  private static final Map<Role, Accounts.Session> ONLY = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture();
    for (Role role : List.of(Role.ADVISER, Role.EDITOR, Role.ADMIN)) {
      String name = "vain-" + role.name().toLowerCase(java.util.Locale.ROOT);
      Accounts.create(server, name, EnumSet.of(role));
      ONLY.put(role, Accounts.signIn(server, name));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A request path for the route: each "{param}" filled with a value no store holds. */
  private static String concrete(Route r) {
    return r.path().replaceAll("\\{[^}]+}", "ei-ole-olemassa");
  }

  private static String body(Route r) {
    return r.method() == Route.Method.GET ? null : "{}";
  }

  @Test
  void everyRouteOfTheRegistryDeclaresTheRoleItNeeds() {
    List<String> withoutRole = Routes.REGISTRY.routes().stream()
        .filter(r -> r.role() == null)
        .map(Route::signature)
        .toList();
    assertThat(withoutRole).as("routes that declare no role").isEmpty();
  }

  @Test
  void theConsoleAndTheAdministrationHaveRoutesThatNeedARole() {
    assertThat(Routes.REGISTRY.routes()).extracting(Route::role).contains(Role.ADVISER, Role.ADMIN);
  }

  @Test
  void everyRouteThatNeedsARoleRefusesAnAnonymousCaller() throws Exception {
    for (Route r : Routes.REGISTRY.routes()) {
      if (r.role() == Role.ANONYMOUS || r.kind() == Route.Kind.SOCKET) {
        continue;
      }
      HttpResponse<String> answer = Accounts.send(server, null, r.method().http(), concrete(r), body(r));
      assertThat(answer.statusCode()).as("%s without signing in: %s", r.signature(), answer.body()).isEqualTo(401);
      assertThat(ServerFixture.json(answer).path("error").path("code").asText()).isEqualTo("sign_in_required");
    }
  }

  @Test
  void everyRouteThatNeedsARoleRefusesCallersWithOnlyOtherRoles() throws Exception {
    for (Route r : Routes.REGISTRY.routes()) {
      if (r.role() == Role.ANONYMOUS || r.kind() == Route.Kind.SOCKET) {
        continue;
      }
      for (Map.Entry<Role, Accounts.Session> other : ONLY.entrySet()) {
        if (other.getKey() == r.role()) {
          continue;
        }
        HttpResponse<String> answer = Accounts.send(server, other.getValue(), r.method().http(), concrete(r), body(r));
        assertThat(answer.statusCode()).as("%s as %s: %s", r.signature(), other.getKey(), answer.body()).isEqualTo(403);
        assertThat(ServerFixture.json(answer).path("error").path("code").asText()).isEqualTo("role_required");
      }
    }
  }

  @Test
  void everyRouteThatNeedsARoleLetsACallerWithTheRolePastTheCheck() throws Exception {
    for (Route r : Routes.REGISTRY.routes()) {
      if (r.role() == Role.ANONYMOUS || r.kind() == Route.Kind.SOCKET) {
        continue;
      }
      HttpResponse<String> answer = Accounts.send(server, ONLY.get(r.role()), r.method().http(), concrete(r), body(r));
      assertThat(answer.statusCode()).as("%s as %s: %s", r.signature(), r.role(), answer.body()).isNotIn(401, 403);
    }
  }

  @Test
  void noRouteOpenToAnyoneRefusesAnAnonymousCallerForWantOfARole() throws Exception {
    for (Route r : Routes.REGISTRY.routes()) {
      if (r.role() != Role.ANONYMOUS || r.kind() == Route.Kind.SOCKET) {
        continue;
      }
      HttpResponse<String> answer = Accounts.send(server, null, r.method().http(), concrete(r), body(r));
      assertThat(answer.statusCode()).as("%s: %s", r.signature(), answer.body()).isNotEqualTo(403);
    }
  }

  @Test
  void theOfficialNotesNeedAnAdviserOrEditor() throws Exception {
    String search = "/api/v1/answers?q=anniskelulupa&audience=official";
    assertThat(Accounts.send(server, null, "GET", search, null).statusCode()).isEqualTo(401);
    assertThat(Accounts.send(server, ONLY.get(Role.ADMIN), "GET", search, null).statusCode()).isEqualTo(403);
    HttpResponse<String> adviser = Accounts.send(server, ONLY.get(Role.ADVISER), "GET", search, null);
    assertThat(adviser.statusCode()).isEqualTo(200);
    assertThat(Accounts.send(server, ONLY.get(Role.EDITOR), "GET", search, null).statusCode()).isEqualTo(200);
    assertThat(Accounts.send(server, null, "GET", "/api/v1/answers?q=anniskelulupa", null).statusCode())
        .as("the citizen view stays open").isEqualTo(200);
  }

  @Test
  void aRouteWithoutARoleIsRefusedWhenTheAppIsBuilt() {
    RouteRegistry broken = RouteRegistry.of(
        new Route(Route.Kind.API, Route.Method.GET, "/api/v1/salainen", null,
            new Route.Http<>(ApiHandlers.class, ApiHandlers::answers)));
    assertThatThrownBy(() -> Javalin.create(config -> broken.register(config.routes, Faces.of())))
        .hasStackTraceContaining("Route GET /api/v1/salainen declares no role");
  }

  @Test
  void theChatSocketAndThePagesAreInTheRegistryBesideTheApi() {
    assertThat(Routes.REGISTRY.routes()).extracting(Route::signature)
        .contains("WS /ws/chat", "GET /openapi.yaml", "GET /health", "GET /yllapito");
  }

  @Test
  void aRouteDeclaredTwiceIsRefused() {
    Route health = Routes.REGISTRY.routes().get(0);
    assertThatThrownBy(() -> RouteRegistry.of(health, health))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared twice");
  }

  @Test
  void aKnownPathAllowsTheMethodsItsRoutesDeclareAndAnUnknownPathNone() {
    assertThat(Routes.REGISTRY.methodsFor("/api/v1/answers/anniskelulupa")).containsExactly("GET");
    assertThat(Routes.REGISTRY.methodsFor("/api/v1/recommendations")).containsExactly("POST");
    assertThat(Routes.REGISTRY.methodsFor("/api/v1/session")).containsExactly("POST", "GET", "DELETE");
    assertThat(Routes.REGISTRY.methodsFor("/api/v1/answers/")).isEmpty();
    assertThat(Routes.REGISTRY.methodsFor("/ws/chat")).as("a socket's GET is an upgrade").isEmpty();
    assertThat(Routes.REGISTRY.methodsFor("/api/v1/ei-tallaista")).isEmpty();
  }

}
