package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.viranomaisbotti.server.api.OpenApiDocument;
import fi.viranomaisbotti.server.web.Route;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI description names exactly the API routes of the route registry, with their roles. */
class OpenApiMatchesRoutesTest {

  @Test
  void everyApiRouteOfTheRegistryIsDescribedAndEveryDescribedRouteIsInTheRegistry() throws Exception {
    JsonNode spec;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<String> described = new ArrayList<>();
    spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    List<String> registered = Routes.REGISTRY.routes().stream()
        .filter(r -> r.kind() == Route.Kind.API)
        .map(Route::signature)
        .toList();
    assertThat(registered).isNotEmpty();
    assertThat(described).containsExactlyInAnyOrderElementsOf(registered);
  }

  @Test
  void everyDescribedOperationNamesTheRoleItsRouteDeclares() throws Exception {
    JsonNode spec;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<String> described = new ArrayList<>();
    spec.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op ->
        described.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey() + " " + op.getValue().path("x-role").asText("(none)"))));
    List<String> registered = Routes.REGISTRY.routes().stream()
        .filter(r -> r.kind() == Route.Kind.API)
        .map(r -> r.signature() + " " + r.role())
        .toList();
    assertThat(described).containsExactlyInAnyOrderElementsOf(registered);
  }
}
