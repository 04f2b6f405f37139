package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scope set: each sentence of {@code reading/scope-set.yaml} read through the real analyser
 * and the fact extractor, and what it says of each listed concept checked (yes, no, possible or
 * existing). Adding a sentence to the file adds a case.
 */
class ScopeSetIT {

  /** One sentence and what it must say. */
  record Case(String text, Map<String, String> facts, List<String> absent) {
    Case {
      facts = facts == null ? Map.of() : Map.copyOf(facts);
      absent = absent == null ? List.of() : List.copyOf(absent);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = ScopeSetIT.class.getResourceAsStream("/reading/scope-set.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Case>>() {}).stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachConceptIsReadWithinItsScope(Case c) {
    Map<String, String> read = new TreeMap<>();
    for (KnownFact f : NavigatorFixture.NAVIGATOR.read(c.text(), 1).facts()) {
      read.put(f.concept(), word(f.value()));
    }
    c.facts().forEach((concept, expected) ->
        assertThat(read.get(concept)).as("'%s' in \"%s\" (read: %s)", concept, c.text(), read).isEqualTo(plain(expected)));
    for (String concept : c.absent()) {
      assertThat(read).as("facts of \"%s\"", c.text()).doesNotContainKey(concept);
    }
  }

  /** YAML 1.1 reads a bare yes or no as a boolean. */
  private static String plain(String expected) {
    return switch (expected) {
      case "true" -> "yes";
      case "false" -> "no";
      default -> expected;
    };
  }

  private static String word(KnownFact.Value v) {
    if (v instanceof KnownFact.YesNo yn) {
      return yn.yes() ? "yes" : "no";
    }
    return v.text();
  }
}
