package fi.viranomaisbotti.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the validator needs from a DRL file's text: each rule's name, the items its
 * consequence concludes and the concepts and conclusions its conditions test. This module does
 * not compile rules (Drools lives in engine), so the reading follows the corpus's own rule idiom
 * ({@code out.need(kcontext, "kind", "id", ...)}, {@code Signal(concept == "x")}) and ignores
 * anything else. Public so that the engine can map which items an event's rules can reach without
 * running them (the ecosystem graph). Stateless.
 */
public final class RuleText {
  /**
   * A rule as written: its name, where it starts, the ids it uses, and its metadata (each
   * {@code @key("value")} between the name and {@code when}, e.g. statement, source, status).
   */
  public record Declared(
      String name, String file, int line, List<Target> targets, List<Reference> tested, Map<String, String> meta) {

    /** The rule's review status: REVIEWED when it says {@code @status("REVIEWED")}, else DRAFT. */
    public Status status() {
      String s = meta.get("status");
      return s != null && s.strip().equals(Status.REVIEWED.name()) ? Status.REVIEWED : Status.DRAFT;
    }

    /**
     * For a DRAFT rule, what is still to be checked against its source, from
     * {@code @unverified("…")}; null when the rule says nothing.
     */
    public String unverified() {
      String u = meta.get("unverified");
      return u == null || u.isBlank() ? null : u.strip();
    }

    /**
     * What a reviewer checked, from {@code @verifiedOn("yyyy-mm-dd")}, {@code @verifiedUrl("…")}
     * and {@code @checked("…")}; null when the rule records no check. Throws
     * DateTimeParseException for a malformed date (the validator reports it).
     */
    public Verification verification() {
      String on = meta.get("verifiedOn");
      String url = meta.get("verifiedUrl");
      String checked = meta.get("checked");
      if (on == null && url == null && checked == null) {
        return null;
      }
      return new Verification(on == null ? null : LocalDate.parse(on.strip()), url, checked);
    }
  }

  /** An item a rule concludes; {@code concept} is the settling concept of a maybe, else null. */
  public record Target(String kind, String id, String concept) {}

  /**
   * An id a rule's conditions test: kind is "concept" or a conclusion kind.
   *
   * @param absent whether the condition asks for it not to be there ({@code not Conclusion(...)})
   */
  public record Reference(String kind, String id, boolean absent) {}

  private static final Pattern RULE =
      Pattern.compile("(?s)\\brule\\s+\"([^\"]+)\"(.*?)\\n\\s*when\\b(.*?)\\n\\s*then\\b(.*?)\\n\\s*end\\b");
  private static final Pattern CONCLUDES =
      Pattern.compile(
          "out\\.(need|maybe)\\s*\\(\\s*kcontext\\s*,\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"(?:\\s*,\\s*\"([^\"]*)\")?");
  private static final Pattern FACT = Pattern.compile("\\b(Signal|Quantity|Conclusion)\\s*\\(");
  private static final Pattern CONCEPT_IS = Pattern.compile("\\bconcept\\s*==\\s*\"([^\"]*)\"");
  private static final Pattern CONCEPT_IN = Pattern.compile("\\bconcept\\s+in\\s*\\(([^)]*)\\)");
  private static final Pattern DEPENDS_ON = Pattern.compile("\\bdependsOn\\s+contains\\s+\"([^\"]*)\"");
  private static final Pattern KIND_IS = Pattern.compile("\\bkind\\s*==\\s*\"([^\"]*)\"");
  private static final Pattern ID_IS = Pattern.compile("\\bid\\s*==\\s*\"([^\"]*)\"");
  private static final Pattern ID_IN = Pattern.compile("\\bid\\s+in\\s*\\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  /** Text that ends in "not" (or "not (") just before a fact pattern. */
  private static final Pattern NEGATED = Pattern.compile("\\bnot\\s*\\(?\\s*(?:\\$\\w+\\s*:\\s*)?$");
  /** One metadata annotation with a single quoted value; escaped quotes are allowed inside. */
  private static final Pattern META = Pattern.compile("@(\\w+)\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

  private RuleText() {}

  /** The rules of one file, in the order written. */
  public static List<Declared> read(RuleFile file) {
    // Whole-line comments are blanked, not removed, so that line numbers stay true.
    String text = LINE_COMMENT.matcher(file.text()).replaceAll(m -> " ".repeat(m.group().length()));
    List<Declared> out = new ArrayList<>();
    Matcher m = RULE.matcher(text);
    while (m.find()) {
      out.add(
          new Declared(
              m.group(1), file.path(), lineOf(text, m.start()), targets(m.group(4)), tested(m.group(3)), meta(m.group(2))));
    }
    return out;
  }

  private static Map<String, String> meta(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher a = META.matcher(header);
    while (a.find()) {
      out.putIfAbsent(a.group(1), a.group(2).replace("\\\"", "\""));
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<Target> targets(String then) {
    List<Target> out = new ArrayList<>();
    Matcher c = CONCLUDES.matcher(then);
    while (c.find()) {
      out.add(new Target(c.group(2), c.group(3), c.group(1).equals("maybe") ? c.group(4) : null));
    }
    return out;
  }

  private static List<Reference> tested(String when) {
    List<Reference> out = new ArrayList<>();
    Matcher f = FACT.matcher(when);
    while (f.find()) {
      String args = balanced(when, f.end());
      boolean absent = NEGATED.matcher(when.substring(0, f.start())).find();
      if (f.group(1).equals("Conclusion")) {
        Matcher kind = KIND_IS.matcher(args);
        String k = kind.find() ? kind.group(1) : "conclusion";
        all(ID_IS, args).forEach(id -> out.add(new Reference(k, id, absent)));
        all(ID_IN, args).forEach(list -> all(QUOTED, list).forEach(id -> out.add(new Reference(k, id, absent))));
        all(DEPENDS_ON, args).forEach(c -> out.add(new Reference("concept", c, absent)));
      } else {
        all(CONCEPT_IS, args).forEach(c -> out.add(new Reference("concept", c, absent)));
        all(CONCEPT_IN, args).forEach(list -> all(QUOTED, list).forEach(c -> out.add(new Reference("concept", c, absent))));
      }
    }
    return out;
  }

  /** The text from {@code from} up to the parenthesis that closes the one just before it. */
  private static String balanced(String text, int from) {
    int depth = 1;
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth == 0) {
        return text.substring(from, i);
      }
    }
    return text.substring(from);
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
