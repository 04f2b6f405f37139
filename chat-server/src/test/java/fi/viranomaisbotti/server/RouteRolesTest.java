package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.server.api.ApiHandlers;
import fi.viranomaisbotti.server.web.Faces;
import fi.viranomaisbotti.server.web.Role;
import fi.viranomaisbotti.server.web.Route;
import fi.viranomaisbotti.server.web.RouteRegistry;
import io.javalin.Javalin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route says who may call it, and the registry holds each route once. */
class RouteRolesTest {

  @Test
  void everyRouteOfTheRegistryDeclaresTheRoleItNeeds() {
    List<String> withoutRole = Routes.REGISTRY.routes().stream()
        .filter(r -> r.role() == null)
        .map(Route::signature)
        .toList();
    assertThat(withoutRole).as("routes that declare no role").isEmpty();
  }

  @Test
  void untilSigningInExistsEveryRouteIsOpenToAnyone() {
    assertThat(Routes.REGISTRY.routes()).extracting(Route::role).containsOnly(Role.ANONYMOUS);
  }

  @Test
  void theChatSocketAndThePagesAreInTheRegistryBesideTheApi() {
    assertThat(Routes.REGISTRY.routes()).extracting(Route::signature)
        .contains("WS /ws/chat", "GET /openapi.yaml", "GET /health");
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
    assertThat(Routes.REGISTRY.methodsFor("/api/v1/answers/")).isEmpty();
    assertThat(Routes.REGISTRY.methodsFor("/ws/chat")).as("a socket's GET is an upgrade").isEmpty();
    assertThat(Routes.REGISTRY.methodsFor("/api/v1/ei-tallaista")).isEmpty();
  }
}
