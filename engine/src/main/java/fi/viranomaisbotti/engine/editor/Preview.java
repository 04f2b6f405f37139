package fi.viranomaisbotti.engine.editor;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Regression;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.SearchJudgment;
import fi.viranomaisbotti.knowledge.Situation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What publishing the draft would change: each regression situation's plan on the live version
 * and on the draft, and the ranks of the judged answers of each judged search query. Immutable.
 *
 * @param valid false when the draft does not load or its rules do not compile; then only
 *     {@code problems} says more
 * @param situations situations whose plan or whose pass/fail changes
 * @param search judged answers whose rank in the top {@value #TOP} changes
 */
public record Preview(boolean valid, List<EditorProblem> problems, int base, long revision,
    List<SituationChange> situations, List<RankChange> search) {
  /** How many hits count for a rank. */
  public static final int TOP = 10;

  public Preview {
    problems = List.copyOf(problems);
    situations = List.copyOf(situations);
    search = List.copyOf(search);
  }

  /** An item whose certainty differs: "needed" or "possible". */
  public record CertaintyChange(String id, String from, String to) {}

  /**
   * One situation's plan, before and after.
   *
   * @param failures why it fails on the draft (as {@link Regression.Outcome} says), empty when it passes
   */
  public record SituationChange(String id, String story, boolean passedBefore, boolean passedAfter, List<String> added,
      List<String> removed, List<CertaintyChange> certaintyChanged, List<String> failures) {}

  /** A judged answer's rank (1-based) for a query, before and after; null when not in the top. */
  public record RankChange(String query, String answer, int relevance, Integer rankBefore, Integer rankAfter) {}

  static Preview invalid(List<EditorProblem> problems, int base, long revision) {
    return new Preview(false, problems, base, revision, List.of(), List.of());
  }

  /** Compares the draft's navigator with the live one over the draft's situations and judgments. */
  static Preview compare(Navigator live, Navigator draft, List<EditorProblem> warnings, int base, long revision) {
    List<SituationChange> situations = new ArrayList<>();
    for (Situation s : draft.knowledge().situations()) {
      Map<String, String> before = plan(live, s);
      Map<String, String> after = plan(draft, s);
      boolean passedBefore = passes(live, s);
      Regression.Outcome outcome = outcome(draft, s);
      List<String> added = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      List<CertaintyChange> changed = new ArrayList<>();
      Set<String> ids = new TreeSet<>(before.keySet());
      ids.addAll(after.keySet());
      for (String id : ids) {
        if (!before.containsKey(id)) {
          added.add(id);
        } else if (!after.containsKey(id)) {
          removed.add(id);
        } else if (!before.get(id).equals(after.get(id))) {
          changed.add(new CertaintyChange(id, before.get(id), after.get(id)));
        }
      }
      if (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty() || passedBefore != outcome.passed()) {
        List<String> failures = new ArrayList<>(outcome.missing());
        outcome.unwanted().forEach(u -> failures.add(u + " (forbidden, but the plan has it)"));
        situations.add(new SituationChange(s.id(), s.text(), passedBefore, outcome.passed(), added, removed, changed, failures));
      }
    }
    List<RankChange> search = new ArrayList<>();
    for (SearchJudgment j : draft.knowledge().judgments()) {
      Audience audience = "official".equals(j.audience().toLowerCase(Locale.ROOT)) ? Audience.OFFICIAL : Audience.CITIZEN;
      List<String> before = ids(live.searchAnswers(j.query(), audience, TOP));
      List<String> after = ids(draft.searchAnswers(j.query(), audience, TOP));
      new java.util.TreeMap<>(j.relevant()).forEach((answer, relevance) -> {
        Integer a = rank(before, answer);
        Integer b = rank(after, answer);
        if (!java.util.Objects.equals(a, b)) {
          search.add(new RankChange(j.query(), answer, relevance, a, b));
        }
      });
    }
    return new Preview(true, warnings, base, revision, situations, search);
  }

  /** Facts the live version does not know (a concept the draft adds) are left out for it. */
  private static Map<String, String> plan(Navigator n, Situation s) {
    Map<String, Object> facts = new LinkedHashMap<>();
    s.facts().forEach((k, v) -> {
      if (n.knowledge().concepts().containsKey(k) || k.equals(Navigator.MUNICIPALITY_FACT)) {
        facts.put(k, v);
      }
    });
    Map<String, String> out = new LinkedHashMap<>();
    try {
      Regression.items(n.recommend(s.text(), facts)).forEach(i -> out.put(i.id(), i.certainty()));
    } catch (BadInputException e) {
      // A fact value the other version reads differently: that version has no plan for the situation.
    }
    return out;
  }

  private static Regression.Outcome outcome(Navigator n, Situation s) {
    try {
      return Regression.check(n, s);
    } catch (BadInputException e) {
      return new Regression.Outcome(s.id(), List.of(e.getMessage()), List.of());
    }
  }

  private static boolean passes(Navigator n, Situation s) {
    try {
      return Regression.check(n, s).passed();
    } catch (BadInputException e) {
      return false;
    }
  }

  private static List<String> ids(List<AnswerHit> hits) {
    return hits.stream().map(AnswerHit::id).toList();
  }

  private static Integer rank(List<String> ids, String id) {
    int i = ids.indexOf(id);
    return i < 0 ? null : i + 1;
  }
}
