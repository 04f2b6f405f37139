package fi.viranomaisbotti.engine.editor;

import fi.viranomaisbotti.knowledge.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validation problem as an editor sees it: the corpus problem's file, item and message, with the
 * item's field and the fix pulled out when the message names them.
 *
 * @param field the item's field the message names ("meta", "name.fi", "line 12" of a rule), or null
 * @param fix what to do, when the message says it apart from what is wrong, or null
 * @param severity "ERROR" or "WARNING"
 */
public record EditorProblem(String file, String item, String field, String message, String fix, String severity) {
  /** Fields of items, longest first, so that "name.fi" wins over "name". */
  private static final List<String> FIELDS = List.of(
      "name.fi", "meta", "verified", "reviewed", "successor", "taskSuccessors", "validFrom", "validTo", "actor",
      "prerequisites", "provider", "providers", "related", "concept", "brings", "leadsTo", "events", "obligations",
      "services", "required", "needed", "possible", "forbidden", "facts", "questions", "keywords", "citizenText",
      "officialNotes", "utterances", "ptv", "name", "id");
  private static final Pattern DRL_LINE = Pattern.compile("^(\\S+\\.drl) line (\\d+): (.*)$", Pattern.DOTALL);

  static EditorProblem of(Problem p) {
    return new EditorProblem(p.file(), p.item(), fieldOf(p.message()), p.message(), fixOf(p.message()), p.severity().name());
  }

  static EditorProblem error(String file, String item, String field, String message, String fix) {
    return new EditorProblem(file, item, field, message, fix, "ERROR");
  }

  /** A Drools message ("rules/x.drl line 12: …") as a problem of that rule file. */
  static EditorProblem ofRuleMessage(String message) {
    Matcher m = DRL_LINE.matcher(message);
    if (!m.matches()) {
      return error("rules/", "-", null, message, "correct the rule's DRL and preview again");
    }
    // Drools names a file by its package folder (fi/viranomaisbotti/rules/x.drl); the corpus keeps every rule file in rules/.
    String file = m.group(1).startsWith("rules/") ? m.group(1) : "rules/" + m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
    String id = file.substring(file.lastIndexOf('/') + 1, file.length() - ".drl".length());
    return error(file, id, "line " + m.group(2), m.group(3).strip(), "correct the DRL near line " + m.group(2));
  }

  public boolean isError() {
    return "ERROR".equals(severity);
  }

  private static final Pattern PROPERTY = Pattern.compile("(?:field|property) [\"']([A-Za-z0-9_.]+)[\"']");

  private static String fieldOf(String message) {
    Matcher named = PROPERTY.matcher(message);
    if (named.find()) {
      return named.group(1);
    }
    for (String f : FIELDS) {
      if (Pattern.compile("(^|[^A-Za-z.])" + Pattern.quote(f) + "([^A-Za-z]|$)").matcher(message).find()) {
        return f;
      }
    }
    return null;
  }

  /** The part after the first ": " or "; " when the message gives what to do there. */
  private static String fixOf(String message) {
    for (String sep : List.of("; ", ": ")) {
      int at = message.indexOf(sep);
      if (at > 0 && at + sep.length() < message.length()) {
        String rest = message.substring(at + sep.length()).strip();
        if (rest.matches("(?is)^(maybe|use|add|write|mark|check|give|remove|set|ids |either|correct|name|without).*")) {
          return rest;
        }
      }
    }
    return null;
  }
}
