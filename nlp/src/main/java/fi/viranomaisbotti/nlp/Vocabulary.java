package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.knowledge.Concept;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everyday words and phrases mapped to concept ids, built from the knowledge vocabulary. Single
 * terms are looked up by base form; phrases ("vanha navetta") by a sequence of base forms.
 * Immutable and thread-safe.
 */
public final class Vocabulary {
  private final Map<String, List<String>> byTerm;
  private final Map<List<String>, List<String>> byPhrase;

  private Vocabulary(Map<String, List<String>> byTerm, Map<List<String>, List<String>> byPhrase) {
    this.byTerm = byTerm;
    this.byPhrase = byPhrase;
  }

  public static Vocabulary of(Collection<Concept> concepts) {
    Map<String, Set<String>> terms = new HashMap<>();
    Map<List<String>, Set<String>> phrases = new HashMap<>();
    for (Concept c : concepts) {
      for (String raw : c.terms()) {
        String t = raw.strip().toLowerCase(Locale.ROOT);
        if (t.contains(" ")) {
          phrases.computeIfAbsent(List.of(t.split("\\s+")), k -> new LinkedHashSet<>()).add(c.id());
        } else {
          terms.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(c.id());
        }
      }
    }
    Map<String, List<String>> t = new HashMap<>();
    terms.forEach((k, v) -> t.put(k, List.copyOf(v)));
    Map<List<String>, List<String>> p = new HashMap<>();
    phrases.forEach((k, v) -> p.put(k, List.copyOf(v)));
    return new Vocabulary(Map.copyOf(t), Map.copyOf(p));
  }

  /** Concept ids for one base form (lower case); empty if none. */
  public List<String> conceptsOf(String lemma) {
    return byTerm.getOrDefault(lemma.toLowerCase(Locale.ROOT), List.of());
  }

  public boolean knows(String lemma) {
    return byTerm.containsKey(lemma.toLowerCase(Locale.ROOT));
  }

  /** Phrases of several words and their concepts. */
  public Map<List<String>, List<String>> phrases() {
    return byPhrase;
  }

  /** Number of distinct single terms and phrases. */
  public int size() {
    return byTerm.size() + byPhrase.size();
  }
}
