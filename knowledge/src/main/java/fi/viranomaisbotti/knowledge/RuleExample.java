package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One worked example of a rule, kept beside it in {@code rules/<file>.examples.yaml}: the fewest
 * facts that make the rule fire and what it must then conclude. One generic test in engine runs
 * every example, so adding a rule with its example adds its test. Items are written
 * {@code kind:id} ("obligation:anniskelulupa").
 *
 * @param rule the rule's name in its DRL file
 * @param given the facts inserted before the rules run
 * @param expect what the rules must (and must not) conclude
 * @param note why the example looks as it does, when that is not obvious (e.g. "just below the
 *     threshold")
 * @param file the examples file, set by the loader
 */
public record RuleExample(
    @JsonProperty(required = true) String rule,
    Given given,
    @JsonProperty(required = true) Expect expect,
    String note,
    String file) {

  public RuleExample {
    given = given == null ? new Given(null, null, null, null, null) : given;
  }

  RuleExample inFile(String path) {
    return new RuleExample(rule, given, expect, note, path);
  }

  /**
   * Facts about the customer and conclusions taken as already drawn.
   *
   * @param signals concept → true (stated) or false (explicitly denied); a concept left out is
   *     unknown, which is what a rule's {@code not Signal(...)} needs
   * @param quantities concept → number, for threshold rules
   * @param concluded items already concluded as needed
   * @param possible items already concluded as possible → the concept that would settle each
   * @param existing concepts the customer has already ("minulla on jo kahvila"): they apply, but
   *     there is nothing to found or start for them
   */
  public record Given(
      Map<String, Boolean> signals,
      Map<String, Double> quantities,
      List<String> concluded,
      Map<String, String> possible,
      List<String> existing) {
    public Given {
      existing = existing == null ? List.of() : List.copyOf(existing);
      signals = signals == null ? Map.of() : ordered(signals);
      quantities = quantities == null ? Map.of() : ordered(quantities);
      concluded = concluded == null ? List.of() : List.copyOf(concluded);
      possible = possible == null ? Map.of() : ordered(possible);
    }
  }

  /**
   * The outcome: items concluded as needed, items concluded as possible, and items that must not
   * be concluded at all. The rule under test must be among the reasons of each needed or
   * possible item.
   */
  public record Expect(List<String> need, List<String> maybe, List<String> absent) {
    public Expect {
      need = need == null ? List.of() : List.copyOf(need);
      maybe = maybe == null ? List.of() : List.copyOf(maybe);
      absent = absent == null ? List.of() : List.copyOf(absent);
    }
  }

  /** The kind of a {@code kind:id} item, or "" when it has no colon. */
  public static String kindOf(String item) {
    int colon = item.indexOf(':');
    return colon < 0 ? "" : item.substring(0, colon);
  }

  /** The id of a {@code kind:id} item. */
  public static String idOf(String item) {
    return item.substring(item.indexOf(':') + 1);
  }

  private static <V> Map<String, V> ordered(Map<String, V> in) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(in));
  }
}
