package fi.viranomaisbotti.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.facts.Provenance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Known facts as the JSON text the database keeps: an array of
 * {@code {"concept", "kind": "yes-no"|"possible"|"existing"|"amount"|"place", "value", "provenance",
 * "evidence", "turn"}} ("possible" and "existing" have the value {@code true}).
 * Written by hand rather than by annotations, so the stored shape does not change when the engine's
 * records do. Also reads the object {@code {"alkoholi": false, "kunta": "Oulu"}} that the store
 * from before migrations wrote. Thread-safe.
 */
final class FactsJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private FactsJson() {}

  static String write(List<KnownFact> facts) {
    ArrayNode array = MAPPER.createArrayNode();
    for (KnownFact f : facts) {
      ObjectNode o = array.addObject();
      o.put("concept", f.concept());
      KnownFact.Value v = f.value();
      if (v instanceof KnownFact.YesNo yesNo) {
        o.put("kind", "yes-no").put("value", yesNo.yes());
      } else if (v instanceof KnownFact.Possible) {
        o.put("kind", "possible").put("value", true);
      } else if (v instanceof KnownFact.Existing) {
        o.put("kind", "existing").put("value", true);
      } else if (v instanceof KnownFact.Amount amount) {
        o.put("kind", "amount").put("value", amount.amount());
      } else if (v instanceof KnownFact.Place place) {
        o.put("kind", "place").put("value", place.municipalityCode());
      } else {
        throw new IllegalArgumentException("No JSON form for the fact value " + v + " of '" + f.concept()
            + "'; add its kind to FactsJson.");
      }
      o.put("provenance", f.provenance().name().toLowerCase(Locale.ROOT));
      ArrayNode evidence = o.putArray("evidence");
      f.evidence().forEach(evidence::add);
      o.put("turn", f.turn());
    }
    try {
      return MAPPER.writeValueAsString(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write facts as JSON: " + facts, e);
    }
  }

  static String write(FactSet facts) {
    return write(facts.facts());
  }

  /**
   * The facts in stored JSON. {@code turn} is given to facts in the old object form, which did not
   * record where they came from (they were all answers).
   */
  static List<KnownFact> read(String json, int turn) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored facts are not JSON: " + shortened(json), e);
    }
    if (node != null && node.isArray()) {
      List<KnownFact> out = new ArrayList<>();
      node.forEach(f -> out.add(fact(f)));
      return out;
    }
    if (node != null && node.isObject()) {
      return legacy(node, turn);
    }
    throw new IllegalStateException("Stored facts must be a JSON array (or the old object form), got " + shortened(json));
  }

  static FactSet readSet(String json, int turn) {
    return FactSet.of(read(json, turn));
  }

  private static KnownFact fact(JsonNode f) {
    String concept = f.path("concept").asText("");
    String kind = f.path("kind").asText("");
    JsonNode value = f.path("value");
    KnownFact.Value v = switch (kind) {
      case "yes-no" -> new KnownFact.YesNo(value.asBoolean());
      case "possible" -> new KnownFact.Possible();
      case "existing" -> new KnownFact.Existing();
      case "amount" -> new KnownFact.Amount(value.asDouble());
      case "place" -> new KnownFact.Place(value.asText());
      default -> throw new IllegalStateException("Stored fact '" + concept + "' has the kind '" + kind
          + "'; known kinds are yes-no, possible, existing, amount and place. Was it written by a newer version of the server?");
    };
    Provenance provenance = Provenance.valueOf(f.path("provenance").asText("answered").toUpperCase(Locale.ROOT));
    List<String> evidence = new ArrayList<>();
    f.path("evidence").forEach(e -> evidence.add(e.asText()));
    return new KnownFact(concept, v, provenance, evidence, f.path("turn").asInt(0));
  }

  /** The old form: concept → true/false, a number, "kyllä"/"ei", or for "kunta" the municipality. */
  private static List<KnownFact> legacy(JsonNode object, int turn) {
    List<KnownFact> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String concept = e.getKey();
      JsonNode v = e.getValue();
      KnownFact.Value value;
      if (v.isBoolean()) {
        value = new KnownFact.YesNo(v.booleanValue());
      } else if (v.isNumber()) {
        value = new KnownFact.Amount(v.doubleValue());
      } else if (concept.equals(FactSet.MUNICIPALITY) && v.isTextual()) {
        value = new KnownFact.Place(v.asText());
      } else if (v.isTextual() && yesNo(v.asText()) != null) {
        value = new KnownFact.YesNo(yesNo(v.asText()));
      } else {
        throw new IllegalStateException("Stored fact '" + concept + "' has the value " + v
            + ", which is neither yes/no, a number nor a municipality; correct the row or remove the fact.");
      }
      out.add(new KnownFact(concept, value, Provenance.ANSWERED, List.of(), turn));
    }
    return out;
  }

  private static Boolean yesNo(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "kyllä", "joo", "yes" -> Boolean.TRUE;
      case "false", "ei", "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String shortened(String json) {
    return json.length() <= 200 ? json : json.substring(0, 200) + "…";
  }
}
