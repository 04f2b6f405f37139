package fi.viranomaisbotti.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a candidate snapshot: ids well formed, references resolve, successor chains end, every
 * item sourced and reviewed recently enough. Errors name the file, the item and the fix.
 */
final class KnowledgeValidator {
  /**
   * Reviews from this day on must record what was checked, where and when ({@link Verification});
   * earlier reviews predate the record and are listed by {@link Verifications#missing}.
   */
  static final LocalDate VERIFICATION_RECORDS_FROM = LocalDate.of(2026, 12, 4);

  /** Items not reviewed for this long are flagged stale. */
  static final int STALE_AFTER_MONTHS = 18;

  /** The languages a localized text may have; any other key is a YAML slip (see {@link #validate}). */
  private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*[a-z0-9]");

  private final LocalDate today;

  KnowledgeValidator(LocalDate today) {
    this.today = today;
  }

  List<Problem> validate(KnowledgeSnapshot s, Map<String, String> fileOf) {
    List<Problem> out = new ArrayList<>();
    for (Item item : s.allItems()) {
      String file = fileOf.getOrDefault(item.id(), "?");
      if (!ID.matcher(item.id()).matches()) {
        out.add(
            Problem.error(
                file,
                item.id(),
                "ids use lower-case ASCII letters, digits and hyphens, e.g. 'ymparistolupa-elainsuoja'"));
      }
      if (item.name() == null || item.name().fi().isBlank()) {
        out.add(Problem.error(file, item.id(), "the Finnish name (name.fi) is missing"));
      }
      if (item.name() != null && !LANGUAGES.containsAll(item.name().asMap().keySet())) {
        Set<String> extra = new java.util.TreeSet<>(item.name().asMap().keySet());
        extra.removeAll(LANGUAGES);
        out.add(
            Problem.error(
                file,
                item.id(),
                "name has keys other than fi, sv and en: " + extra
                    + "; an unquoted text with commas in {fi: ..., sv: ..., en: ...} splits into extra keys, so quote each text"));
      }
      Meta m = item.meta();
      if (m == null || blank(m.source()) || blank(m.owner()) || m.reviewed() == null) {
        out.add(
            Problem.error(
                file, item.id(), "meta needs source (statute section or official page), owner and reviewed date"));
      } else if (m.reviewed().isAfter(today)) {
        out.add(Problem.error(file, item.id(), "reviewed date " + m.reviewed() + " is in the future"));
      } else if (m.verified() != null && (m.verified().date() == null || blank(m.verified().url()) || blank(m.verified().checked()))) {
        out.add(Problem.error(file, item.id(), "verified needs date, url (the official page read) and checked (what was compared)"));
      } else if (m.verified() != null && m.verified().date().isAfter(today)) {
        out.add(Problem.error(file, item.id(), "verified date " + m.verified().date() + " is in the future"));
      } else if (m.status() == Status.REVIEWED && m.verified() == null && !m.reviewed().isBefore(VERIFICATION_RECORDS_FROM)) {
        out.add(
            Problem.error(
                file,
                item.id(),
                "REVIEWED needs a verified record: verified: {date, url, checked} saying which official page was read and"
                    + " what was compared; without one, mark the item DRAFT"));
      } else if (m.status() == Status.REVIEWED && !blank(m.unverified())) {
        out.add(
            Problem.error(
                file,
                item.id(),
                "REVIEWED, yet meta.unverified says something is still unchecked: check it and remove the line, or mark"
                    + " the item DRAFT"));
      } else if (m.reviewed().plusMonths(STALE_AFTER_MONTHS).isBefore(today)) {
        out.add(
            Problem.warning(
                file,
                item.id(),
                "last reviewed " + m.reviewed() + ", more than " + STALE_AFTER_MONTHS + " months ago: check it against its source"));
      }
    }
    s.actors().values().forEach(a -> checkActor(s, a, fileOf.get(a.id()), out));
    for (Obligation o : s.obligations().values()) {
      String file = fileOf.get(o.id());
      requireActor(s, file, o.id(), o.actor(), out);
      if (o.alandActor() != null) {
        requireActor(s, file, o.id(), o.alandActor(), out);
      }
      for (String pre : o.prerequisites()) {
        if (!s.obligations().containsKey(pre) && !s.services().containsKey(pre)) {
          out.add(Problem.error(file, o.id(), "prerequisite '" + pre + "' is not an obligation or service id"));
        }
      }
    }
    for (Service sv : s.services().values()) {
      requireActor(s, fileOf.get(sv.id()), sv.id(), sv.provider(), out);
      for (String pre : sv.prerequisites()) {
        if (!s.obligations().containsKey(pre) && !s.services().containsKey(pre)) {
          out.add(Problem.error(fileOf.get(sv.id()), sv.id(), "prerequisite '" + pre + "' is not an obligation or service id"));
        }
      }
    }
    for (Answer a : s.answers().values()) {
      String file = fileOf.get(a.id());
      if (a.questions().isEmpty()) {
        out.add(Problem.error(file, a.id(), "an answer needs at least one question variant"));
      }
      for (String r : a.related()) {
        if (s.item(r).isEmpty()) {
          out.add(Problem.error(file, a.id(), "related item '" + r + "' does not exist"));
        }
      }
    }
    for (Question q : s.questions().values()) {
      if (!s.concepts().containsKey(q.concept())) {
        out.add(
            Problem.error(
                fileOf.get(q.id()),
                q.id(),
                "settles the unknown concept '" + q.concept() + "'. Add it to vocabulary/ or fix the id."));
      }
    }
    for (Concept c : s.concepts().values()) {
      if (c.terms().isEmpty()) {
        out.add(Problem.error(fileOf.get(c.id()), c.id(), "a concept needs at least one term"));
      }
      for (String t : c.terms()) {
        if (!t.equals(t.toLowerCase(java.util.Locale.ROOT)) && !t.equals(t.toUpperCase(java.util.Locale.ROOT))) {
          out.add(Problem.warning(fileOf.get(c.id()), c.id(), "term '" + t + "' has mixed case; terms are matched as lower-case base forms"));
        }
      }
    }
    for (Situation sit : s.situations()) {
      List<String> expected = concat(concat(sit.required(), sit.needed()), concat(sit.possible(), sit.forbidden()));
      if (expected.isEmpty()) {
        out.add(
            Problem.error(
                "situations/", sit.id(), "a regression situation needs needed, possible, required or forbidden items, or it tests nothing"));
      }
      Set<String> seen = new HashSet<>();
      for (String id : expected) {
        if (s.item(id).isEmpty()) {
          out.add(Problem.error("situations/", sit.id(), "expects the unknown item '" + id + "'." + closest(id, allIds(s))));
        }
        if (!seen.add(id)) {
          out.add(
              Problem.error(
                  "situations/", sit.id(), "lists '" + id + "' more than once among required, needed, possible and forbidden;"
                      + " keep it in the one list that says what the plan must do with it"));
        }
      }
    }
    if (!s.ptvCodes().isEmpty()) {
      for (Item item : s.allItems()) {
        for (String code : ptvCodes(item)) {
          if (!s.ptvCodes().contains(code)) {
            out.add(
                Problem.error(
                    fileOf.get(item.id()),
                    item.id(),
                    "unknown PTV code '" + code + "'; see codes/ptv-*.csv for the valid KE, P and KR codes"));
          }
        }
      }
    }
    for (SearchJudgment j : s.judgments()) {
      if (j.relevant().isEmpty()) {
        out.add(Problem.error("judgments/", j.query(), "a judgment needs at least one relevant answer"));
      }
      if (!j.audience().equals("citizen") && !j.audience().equals("official")) {
        out.add(Problem.error("judgments/", j.query(), "audience must be citizen or official, got " + j.audience()));
      }
      j.relevant().forEach((id, grade) -> {
        if (!s.answers().containsKey(id)) {
          out.add(Problem.error("judgments/", j.query(), "judges the unknown answer '" + id + "'"));
        }
        if (grade < 1 || grade > 3) {
          out.add(Problem.error("judgments/", j.query(), "grade of '" + id + "' must be 1, 2 or 3, got " + grade));
        }
      });
    }
    for (EventExamples e : s.examples()) {
      if (!s.events().containsKey(e.event())) {
        out.add(Problem.error("utterances/", e.event(), "examples for the unknown event '" + e.event() + "'"));
      }
    }
    checkPrerequisiteCycles(s, fileOf, out);
    checkRules(s, out);
    return out;
  }

  /**
   * Every id a rule concludes or tests must exist with the kind the rule gives it, and every rule
   * must have an example whose items exist: a mistyped id compiles in Drools and would otherwise
   * reach citizens as a notice about nothing, or make the rule silently never fire.
   */
  private void checkRules(KnowledgeSnapshot s, List<Problem> out) {
    Map<String, RuleText.Declared> rules = new LinkedHashMap<>();
    for (RuleFile f : s.rules()) {
      for (RuleText.Declared r : RuleText.read(f)) {
        RuleText.Declared earlier = rules.putIfAbsent(r.name(), r);
        if (earlier != null) {
          out.add(
              Problem.error(
                  r.file(),
                  r.name(),
                  "line " + r.line() + ": the rule name is already used in " + earlier.file() + " line " + earlier.line()
                      + "; rule names are ids and must be unique. Rename one of them."));
        }
        checkRuleIds(s, r, out);
        checkRuleStatus(r, out);
      }
    }
    Set<String> exemplified = new HashSet<>();
    for (RuleExample e : s.ruleExamples()) {
      RuleText.Declared rule = rules.get(e.rule());
      if (rule == null) {
        // A warning, not an error: a rule removed in an edit leaves its example behind, and the
        // edited corpus must still load so that the editor can compare it with the published one.
        out.add(
            Problem.warning(
                e.file(),
                e.rule(),
                "an example for the unknown rule '" + e.rule() + "'." + closest(e.rule(), rules.keySet())
                    + " It tests nothing: fix the name or delete the example."));
        continue;
      }
      exemplified.add(e.rule());
      checkExample(s, e, out);
    }
    for (RuleText.Declared r : rules.values()) {
      if (!exemplified.contains(r.name())) {
        out.add(
            Problem.error(
                r.file(),
                r.name(),
                "line " + r.line() + ": the rule has no example. Add one to " + examplesFile(r.file())
                    + ": '- rule: " + r.name() + "' with given (the fewest facts that make it fire) and expect"
                    + " (what it concludes); see docs/editor-guide.md."));
      }
    }
  }

  /**
   * A rule states a piece of law, so it carries the items' review status: DRAFT unless it says
   * {@code @status("REVIEWED")}, and REVIEWED only with a record of the check (the official page
   * read, when, and what was compared).
   */
  private void checkRuleStatus(RuleText.Declared r, List<Problem> out) {
    String where = "line " + r.line() + ": ";
    String status = r.meta().get("status");
    if (status != null && !status.strip().equals("DRAFT") && !status.strip().equals("REVIEWED")) {
      out.add(Problem.error(r.file(), r.name(), where + "@status is '" + status + "'; write @status(\"DRAFT\") or @status(\"REVIEWED\")."));
      return;
    }
    Verification v;
    try {
      v = r.verification();
    } catch (java.time.format.DateTimeParseException e) {
      out.add(Problem.error(r.file(), r.name(), where + "@verifiedOn must be a date written yyyy-mm-dd, e.g. @verifiedOn(\"2026-12-05\")."));
      return;
    }
    if (v != null && (v.date() == null || blank(v.url()) || blank(v.checked()))) {
      out.add(
          Problem.error(
              r.file(), r.name(), where + "a verification needs all three of @verifiedOn(\"yyyy-mm-dd\"), @verifiedUrl (the official page"
                  + " read) and @checked (what was compared)."));
    } else if (v != null && v.date().isAfter(today)) {
      out.add(Problem.error(r.file(), r.name(), where + "@verifiedOn " + v.date() + " is in the future."));
    } else if (r.status() == Status.REVIEWED && r.unverified() != null) {
      out.add(
          Problem.error(
              r.file(), r.name(), where + "@status(\"REVIEWED\"), yet @unverified says something is still unchecked: check it and"
                  + " remove @unverified, or mark the rule DRAFT."));
    } else if (r.status() == Status.REVIEWED && v == null) {
      out.add(
          Problem.error(
              r.file(), r.name(), where + "@status(\"REVIEWED\") needs @verifiedOn, @verifiedUrl and @checked saying which official"
                  + " page was read and what was compared; without them the rule is DRAFT."));
    }
  }

  private static void checkRuleIds(KnowledgeSnapshot s, RuleText.Declared r, List<Problem> out) {
    String where = "line " + r.line() + ": ";
    for (RuleText.Target t : r.targets()) {
      String problem = unknownItem(s, t.kind(), t.id());
      if (problem != null) {
        out.add(Problem.error(r.file(), r.name(), where + "concludes " + problem));
      }
      if (t.concept() != null) {
        if (!s.concepts().containsKey(t.concept())) {
          out.add(
              Problem.error(
                  r.file(), r.name(), where + "out.maybe is settled by the unknown concept '" + t.concept() + "'." + closest(t.concept(), s.concepts().keySet())
                      + " Add it to vocabulary/ or fix the id."));
        }
      }
    }
    if (r.targets().isEmpty()) {
      out.add(
          Problem.error(
              r.file(), r.name(), where + "the rule concludes nothing: its consequence must call out.need(kcontext, \"kind\", \"id\", ...)"
                  + " or out.maybe(kcontext, \"kind\", \"id\", \"concept\", ...)."));
    }
    for (RuleText.Reference ref : r.tested()) {
      if (ref.kind().equals("concept")) {
        if (!s.concepts().containsKey(ref.id())) {
          out.add(
              Problem.error(
                  r.file(), r.name(), where + "tests the unknown concept '" + ref.id() + "', so it can never fire."
                      + closest(ref.id(), s.concepts().keySet()) + " Add it to vocabulary/ or fix the id."));
        }
      } else {
        String problem = unknownItem(s, ref.kind(), ref.id());
        if (problem != null) {
          out.add(Problem.error(r.file(), r.name(), where + "tests for " + problem));
        }
      }
    }
  }

  private static void checkExample(KnowledgeSnapshot s, RuleExample e, List<Problem> out) {
    RuleExample.Given g = e.given();
    List<String> concepts = new ArrayList<>(g.signals().keySet());
    concepts.addAll(g.quantities().keySet());
    concepts.addAll(g.possible().values());
    concepts.addAll(g.existing());
    for (String c : concepts) {
      if (!s.concepts().containsKey(c)) {
        out.add(
            Problem.error(
                e.file(), e.rule(), "the example gives the unknown concept '" + c + "'." + closest(c, s.concepts().keySet())
                    + " Use a concept id from vocabulary/."));
      }
    }
    List<String> items = new ArrayList<>(g.concluded());
    items.addAll(g.possible().keySet());
    items.addAll(e.expect().need());
    items.addAll(e.expect().maybe());
    items.addAll(e.expect().absent());
    for (String item : items) {
      String problem = RuleExample.kindOf(item).isEmpty()
          ? "'" + item + "', which lacks its kind: write items as kind:id, e.g. 'obligation:anniskelulupa'."
          : unknownItem(s, RuleExample.kindOf(item), RuleExample.idOf(item));
      if (problem != null) {
        out.add(Problem.error(e.file(), e.rule(), "the example names " + problem));
      }
    }
    RuleExample.Expect x = e.expect();
    if (x.need().isEmpty() && x.maybe().isEmpty() && x.absent().isEmpty()) {
      out.add(Problem.error(e.file(), e.rule(), "the example expects nothing: list what the rule concludes under expect.need or expect.maybe"));
    }
  }

  /** Null when {@code id} is an item of {@code kind}; else what is wrong with it and the fix. */
  private static String unknownItem(KnowledgeSnapshot s, String kind, String id) {
    Map<String, ? extends Item> ofKind = switch (kind) {
      case "event" -> s.events();
      case "obligation" -> s.obligations();
      case "service" -> s.services();
      default -> null;
    };
    if (ofKind == null) {
      return "'" + kind + ":" + id + "', but '" + kind + "' is not a kind rules conclude: use event, obligation or service.";
    }
    if (ofKind.containsKey(id)) {
      return null;
    }
    String unknown = "the unknown " + kind + " '" + id + "'.";
    Actor actor = s.actors().get(id);
    if (actor != null) {
      Actor now = s.current(id);
      String provider = now == null ? id : now.id();
      List<String> provided = s.services().values().stream()
          .filter(sv -> provider.equals(sv.provider())).map(Service::id).limit(3).toList();
      String retired = actor.successor() == null ? "" : " It names the actor '" + id + "', which no longer exists; its successor is '" + provider + "'.";
      return unknown + (retired.isEmpty() ? " It names the actor '" + id + "'; rules conclude items, not actors." : retired)
          + (provided.isEmpty() ? " Name a " + kind + " of '" + provider + "' instead." : " Name a " + kind + " of '" + provider + "' instead, such as " + quoted(provided) + ".");
    }
    Optional<Item> other = s.item(id);
    if (other.isPresent()) {
      return unknown + " '" + id + "' is " + kindName(other.get()) + ", not " + article(kind) + ": fix the kind.";
    }
    return unknown + closest(id, ofKind.keySet()) + " Add it to " + kind + "s/ or fix the id.";
  }

  private static String kindName(Item item) {
    return item instanceof Obligation ? "an obligation"
        : item instanceof Service ? "a service"
        : item instanceof LifeEvent ? "an event"
        : item instanceof Concept ? "a concept"
        : item instanceof Answer ? "an answer"
        : item instanceof Question ? "a question"
        : "an item";
  }

  private static String article(String kind) {
    return (kind.startsWith("e") || kind.startsWith("o") ? "an " : "a ") + kind;
  }

  /** " Did you mean 'x'?" for the nearest id within a third of the id's length, else "". */
  static String closest(String id, Collection<String> ids) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : ids) {
      int d = editDistance(id, candidate);
      if (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, id.length() / 3) ? " Did you mean '" + best + "'?" : "";
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String quoted(List<String> ids) {
    return String.join(", ", ids.stream().map(i -> "'" + i + "'").toList());
  }

  /** rules/velvoitteet.drl → rules/velvoitteet.examples.yaml */
  static String examplesFile(String drl) {
    return drl.replaceFirst("\\.drl$", "") + ".examples.yaml";
  }

  private void checkActor(KnowledgeSnapshot s, Actor a, String file, List<Problem> out) {
    if (a.successor() != null) {
      requireActor(s, file, a.id(), a.successor(), out);
      Set<String> seen = new HashSet<>();
      Actor cur = a;
      while (cur != null && cur.successor() != null) {
        if (!seen.add(cur.id())) {
          out.add(Problem.error(file, a.id(), "successor chain loops back to '" + cur.id() + "'"));
          break;
        }
        cur = s.actors().get(cur.successor());
      }
      if (a.validTo() == null) {
        out.add(
            Problem.error(
                file, a.id(), "an actor with a successor needs validTo: the last day it existed"));
      }
    }
    for (TaskSuccessor t : a.taskSuccessors()) {
      requireActor(s, file, a.id(), t.actor(), out);
      if (a.successor() == null) {
        out.add(Problem.error(file, a.id(), "taskSuccessors name where some tasks went; add the main successor too"));
      }
    }
    if (a.validFrom() != null && a.validTo() != null && a.validTo().isBefore(a.validFrom())) {
      out.add(Problem.error(file, a.id(), "validTo " + a.validTo() + " is before validFrom " + a.validFrom()));
    }
  }

  private void requireActor(
      KnowledgeSnapshot s, String file, String item, String actorId, List<Problem> out) {
    if (actorId == null || !s.actors().containsKey(actorId)) {
      out.add(
          Problem.error(
              file,
              item,
              "names the unknown actor '" + actorId + "'. Add it to actors/ or fix the id."));
      return;
    }
    Actor a = s.actors().get(actorId);
    if (a.successor() != null && !a.activeOn(today)) {
      out.add(
          Problem.warning(
              file,
              item,
              "names '" + actorId + "', which no longer exists; use its successor '" + s.current(actorId).id() + "'"));
    }
  }

  private static void checkPrerequisiteCycles(
      KnowledgeSnapshot s, Map<String, String> fileOf, List<Problem> out) {
    Map<String, Integer> state = new java.util.HashMap<>();
    List<String> ids = new ArrayList<>(s.obligations().keySet());
    ids.addAll(s.services().keySet());
    for (String id : ids) {
      visit(s, id, state, new ArrayList<>(), fileOf, out);
    }
  }

  private static void visit(
      KnowledgeSnapshot s,
      String id,
      Map<String, Integer> state,
      List<String> path,
      Map<String, String> fileOf,
      List<Problem> out) {
    Integer st = state.get(id);
    if (st != null) {
      if (st == 1) {
        out.add(
            Problem.warning(
                fileOf.get(id),
                id,
                "prerequisites form a cycle: " + String.join(" → ", path) + " → " + id
                    + ". Plans flag it as a deal breaker; check that each really waits for the other."));
      }
      return;
    }
    List<String> pres =
        s.obligations().containsKey(id) ? s.obligations().get(id).prerequisites()
            : s.services().containsKey(id) ? s.services().get(id).prerequisites()
            : null;
    if (pres == null) {
      return;
    }
    state.put(id, 1);
    path.add(id);
    for (String pre : pres) {
      visit(s, pre, state, path, fileOf, out);
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
  }

  private static List<String> ptvCodes(Item item) {
    Ptv p =
        item instanceof Obligation o ? o.ptv()
            : item instanceof Service sv ? sv.ptv()
            : item instanceof LifeEvent e ? e.ptv()
            : item instanceof Answer a ? a.ptv()
            : Ptv.NONE;
    List<String> codes = new ArrayList<>(p.lifeEvents());
    codes.addAll(p.serviceClasses());
    codes.addAll(p.targetGroups());
    if (item instanceof LifeEvent e && e.ptvLifeEvent() != null) {
      codes.add(e.ptvLifeEvent());
    }
    return codes;
  }

  private static List<String> allIds(KnowledgeSnapshot s) {
    return s.allItems().stream().map(Item::id).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
