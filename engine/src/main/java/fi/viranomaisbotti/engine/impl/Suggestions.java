package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Prefix suggestions for a search box from the answers' keywords and titles, keywords first,
 * each group in case-insensitive order. Immutable; thread-safe.
 */
final class Suggestions {
  private final List<String> all;

  Suggestions(Collection<Answer> answers) {
    TreeSet<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    TreeSet<String> titles = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Answer a : answers) {
      keywords.addAll(a.keywords());
      titles.add(a.name().fi());
    }
    List<String> out = new ArrayList<>(keywords);
    out.addAll(titles);
    this.all = List.copyOf(out);
  }

  /**
   * Keywords and titles that have a word starting with the prefix (ä, ö and å may be written as
   * a and o), those that start with it first; at most {@code limit}.
   */
  List<String> suggest(String prefix, int limit) {
    String typed = prefix.strip().toLowerCase(Locale.ROOT);
    if (typed.isEmpty()) {
      return List.of();
    }
    // A prefix written without ä, ö and å also matches them; one written with them matches only them.
    boolean fold = typed.equals(KnowledgeSnapshot.withoutDiacritics(typed));
    List<String> starting = new ArrayList<>();
    List<String> inside = new ArrayList<>();
    for (String s : all) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (fold) {
        lower = KnowledgeSnapshot.withoutDiacritics(lower);
      }
      if (lower.startsWith(typed)) {
        starting.add(s);
        if (starting.size() == limit) {
          break;
        }
      } else if (inside.size() < limit && lower.contains(" " + typed)) {
        inside.add(s);
      }
    }
    starting.addAll(inside);
    return List.copyOf(starting.subList(0, Math.min(limit, starting.size())));
  }
}
