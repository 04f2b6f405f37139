package fi.viranomaisbotti.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a candidate snapshot: ids well formed, references resolve, successor chains end, every
 * item sourced and reviewed recently enough. Errors name the file, the item and the fix.
 */
final class KnowledgeValidator {
  /** Items not reviewed for this long are flagged stale. */
  static final int STALE_AFTER_MONTHS = 18;

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
      Meta m = item.meta();
      if (m == null || blank(m.source()) || blank(m.owner()) || m.reviewed() == null) {
        out.add(
            Problem.error(
                file, item.id(), "meta needs source (statute section or official page), owner and reviewed date"));
      } else if (m.reviewed().isAfter(today)) {
        out.add(Problem.error(file, item.id(), "reviewed date " + m.reviewed() + " is in the future"));
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
      if (sit.required().isEmpty() && sit.forbidden().isEmpty()) {
        out.add(
            Problem.error(
                "situations/", sit.id(), "a regression situation needs required or forbidden items, or it tests nothing"));
      }
      for (String id : concat(sit.required(), sit.forbidden())) {
        if (s.item(id).isEmpty()) {
          out.add(Problem.error("situations/", sit.id(), "expects the unknown item '" + id + "'"));
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
    return out;
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

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
