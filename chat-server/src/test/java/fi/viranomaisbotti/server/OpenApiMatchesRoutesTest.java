package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI description names exactly the routes the app serves. */
class OpenApiMatchesRoutesTest {

  @Test
  void everyRouteIsDescribedAndEveryDescribedRouteExists() throws Exception {
    JsonNode spec;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("docs/openapi.yaml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<String> described = new ArrayList<>();
    spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    assertThat(described).containsExactlyInAnyOrderElementsOf(App.ROUTES);
  }
}
