package fi.viranomaisbotti.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed between two snapshots, item by item: added, removed and changed ids per kind
 * (actors, obligations, services, events, answers, concepts, questions), plus rule files and
 * regression situations. Immutable.
 */
public record KnowledgeDiff(String fromVersion, String toVersion, List<Change> changes) {

  /** One item that differs. */
  public record Change(String kind, String id, Type type) {}

  /** How an item differs. */
  public enum Type {
    ADDED,
    REMOVED,
    CHANGED
  }

  public KnowledgeDiff {
    changes = List.copyOf(changes);
  }

  public static KnowledgeDiff between(KnowledgeSnapshot from, KnowledgeSnapshot to) {
    List<Change> out = new ArrayList<>();
    compare("actor", from.actors(), to.actors(), out);
    compare("obligation", from.obligations(), to.obligations(), out);
    compare("service", from.services(), to.services(), out);
    compare("event", from.events(), to.events(), out);
    compare("answer", from.answers(), to.answers(), out);
    compare("concept", from.concepts(), to.concepts(), out);
    compare("question", from.questions(), to.questions(), out);
    compare("rule-file", byPath(from.rules()), byPath(to.rules()), out);
    compare("situation", byId(from.situations()), byId(to.situations()), out);
    compare("municipality", from.municipalities(), to.municipalities(), out);
    return new KnowledgeDiff(from.version(), to.version(), out);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  private static Map<String, RuleFile> byPath(List<RuleFile> files) {
    Map<String, RuleFile> m = new java.util.LinkedHashMap<>();
    files.forEach(f -> m.put(f.path(), f));
    return m;
  }

  private static Map<String, Situation> byId(List<Situation> situations) {
    Map<String, Situation> m = new java.util.LinkedHashMap<>();
    situations.forEach(s -> m.put(s.id(), s));
    return m;
  }

  private static <T> void compare(String kind, Map<String, T> a, Map<String, T> b, List<Change> out) {
    TreeSet<String> ids = new TreeSet<>(a.keySet());
    ids.addAll(b.keySet());
    for (String id : ids) {
      T before = a.get(id);
      T after = b.get(id);
      if (before == null) {
        out.add(new Change(kind, id, Type.ADDED));
      } else if (after == null) {
        out.add(new Change(kind, id, Type.REMOVED));
      } else if (!before.equals(after)) {
        out.add(new Change(kind, id, Type.CHANGED));
      }
    }
  }

  /** One line per change, e.g. "+ obligation anniskelulupa". */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(fromVersion).append(" → ").append(toVersion).append(": ").append(changes.size()).append(" change(s)\n");
    for (Change c : changes) {
      sb.append(switch (c.type()) {
        case ADDED -> "+ ";
        case REMOVED -> "- ";
        case CHANGED -> "~ ";
      }).append(c.kind()).append(' ').append(c.id()).append('\n');
    }
    return sb.toString();
  }
}
