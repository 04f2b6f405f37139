package fi.viranomaisbotti.engine.unanswered;

import fi.viranomaisbotti.engine.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a group of the unanswered queue becomes in the draft, in one step: a new answer (its
 * questions are the group's texts), a new vocabulary concept (its terms are the group's lemmas
 * unless given) or an example utterance of an event. The text is corpus YAML whose strings are
 * all double-quoted with escapes, so no user's words can change its structure. New items are
 * DRAFT with today's review date; the editor adds the official source before publishing.
 * Stateless; thread-safe.
 */
public final class UnansweredConversion {
  /** Ids of items: lower-case letters, digits and hyphens. */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");

  /** The file new utterances go to, beside the corpus's own. */
  public static final String UTTERANCE_FILE = "utterances/toimitus.yaml";

  private UnansweredConversion() {}

  /** What the editor chose: "answer", "concept" or "utterance", and the fields of the new item. */
  public record Request(String as, Map<String, Object> fields) {}

  /**
   * The new item.
   *
   * @param kind the editor API's kind ("answers", "concepts") or "utterances" for an example
   *     appended to {@link #UTTERANCE_FILE}
   * @param id the item's id (the event's for an utterance)
   * @param text the YAML list item
   */
  public record NewItem(String kind, String id, String text) {}

  /** @throws BadInputException naming the missing or wrong field, and what to send */
  public static NewItem of(UnansweredGroup group, Request request, String editor, LocalDate today) {
    String as = request.as() == null ? "" : request.as().strip().toLowerCase(Locale.ROOT);
    return switch (as) {
      case "answer" -> answer(group, request.fields(), editor, today);
      case "concept" -> concept(group, request.fields(), editor, today);
      case "utterance" -> utterance(group, request.fields());
      default -> throw new BadInputException("\"as\" must be \"answer\", \"concept\" or \"utterance\", got \""
          + shortened(as) + "\".");
    };
  }

  private static NewItem answer(UnansweredGroup g, Map<String, Object> f, String editor, LocalDate today) {
    String id = id(f, "a-" + slug(g.key()));
    List<String> questions = new ArrayList<>(new LinkedHashSet<>(strings(f, "questions", g.examples())));
    String name = string(f, "name", questions.isEmpty() ? g.key() : questions.get(0));
    String citizenText = string(f, "citizenText", "LUONNOS: kirjoita vastaus kansalaiselle.");
    StringBuilder y = new StringBuilder();
    y.append("- id: ").append(id).append('\n');
    y.append("  name: ").append(quoted(name)).append('\n');
    y.append("  questions:\n");
    questions.forEach(q -> y.append("    - ").append(quoted(q)).append('\n'));
    y.append("  citizenText: ").append(quoted(citizenText)).append('\n');
    y.append("  meta: ").append(meta(f, editor, today)).append('\n');
    return new NewItem("answers", id, y.toString());
  }

  private static NewItem concept(UnansweredGroup g, Map<String, Object> f, String editor, LocalDate today) {
    String id = id(f, slug(g.key()));
    List<String> terms = strings(f, "terms", List.of(g.key()));
    if (terms.isEmpty()) {
      throw new BadInputException("A concept needs at least one term in \"terms\", e.g. [\"" + g.key() + "\"].");
    }
    String name = string(f, "name", terms.get(0));
    StringBuilder y = new StringBuilder();
    y.append("- id: ").append(id).append('\n');
    y.append("  name: {fi: ").append(quoted(name)).append("}\n");
    y.append("  terms: [").append(String.join(", ", terms.stream().map(UnansweredConversion::quoted).toList())).append("]\n");
    y.append("  meta: ").append(meta(f, editor, today)).append('\n');
    return new NewItem("concepts", id, y.toString());
  }

  private static NewItem utterance(UnansweredGroup g, Map<String, Object> f) {
    Object event = f.get("event");
    if (!(event instanceof String e) || !ID.matcher(e).matches()) {
      throw new BadInputException("An utterance belongs to an event: send \"event\" with the event's id,"
          + " e.g. \"muutto-suomessa\".");
    }
    List<String> examples = strings(f, "examples", g.examples().isEmpty() ? List.of() : List.of(g.examples().get(0)));
    if (examples.isEmpty()) {
      throw new BadInputException("Send the utterance in \"examples\": [\"…\"].");
    }
    StringBuilder y = new StringBuilder();
    y.append("- event: ").append(e).append('\n');
    y.append("  examples:\n");
    examples.forEach(x -> y.append("    - ").append(quoted(x)).append('\n'));
    return new NewItem("utterances", e, y.toString());
  }

  private static String meta(Map<String, Object> f, String editor, LocalDate today) {
    String source = string(f, "source", "");
    String owner = string(f, "owner", editor);
    return "{source: " + quoted(source) + ", owner: " + quoted(owner) + ", reviewed: " + today + ", status: DRAFT}";
  }

  private static String id(Map<String, Object> f, String fallback) {
    String id = string(f, "id", fallback);
    if (!ID.matcher(id).matches()) {
      throw new BadInputException("The id '" + shortened(id) + "' is not an item id: use lower-case letters, digits"
          + " and hyphens, e.g. \"a-yhdistyksen-perustaminen\".");
    }
    return id;
  }

  private static String string(Map<String, Object> f, String field, String fallback) {
    Object v = f.get(field);
    if (v == null || v instanceof String s && s.isBlank()) {
      return fallback;
    }
    if (!(v instanceof String s)) {
      throw new BadInputException("\"" + field + "\" must be a string.");
    }
    return s.strip();
  }

  private static List<String> strings(Map<String, Object> f, String field, List<String> fallback) {
    Object v = f.get(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof String)) {
      throw new BadInputException("\"" + field + "\" must be a list of strings.");
    }
    return list.stream().map(x -> ((String) x).strip()).filter(x -> !x.isEmpty()).toList();
  }

  /** The lemma key as an id: "perustaa yhdistys" → "perustaa-yhdistys", Finnish letters folded. */
  static String slug(String key) {
    String s = key.toLowerCase(Locale.ROOT).replace('ä', 'a').replace('ö', 'o').replace('å', 'a')
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    s = s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
    return s.length() < 2 ? "uusi" : s;
  }

  /** A YAML double-quoted scalar: the JSON escapes, which YAML reads the same way. */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String shortened(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
