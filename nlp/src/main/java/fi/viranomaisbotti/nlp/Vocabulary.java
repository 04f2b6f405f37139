package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.Municipality;
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
 * Entries whose id starts with {@value #COLLOQUIAL_PREFIX} are not concepts but colloquial
 * spellings of a standard form ("mä" → minä), see {@link #standardForm}. Immutable and thread-safe.
 */
public final class Vocabulary {
  private final Map<String, List<String>> byTerm;
  private final Map<List<String>, List<String>> byPhrase;
  private final Map<String, Municipality> municipalities;
  private final Map<String, String> colloquial;
  private final Set<String> buyers;
  private final Map<String, String> directions;

  /** Id prefix of vocabulary entries that map colloquial spellings to a standard form. */
  public static final String COLLOQUIAL_PREFIX = "puhekieli-";

  private Vocabulary(
      Map<String, List<String>> byTerm,
      Map<List<String>, List<String>> byPhrase,
      Map<String, Municipality> municipalities,
      Map<String, String> colloquial,
      Set<String> buyers,
      Map<String, String> directions) {
    this.byTerm = byTerm;
    this.byPhrase = byPhrase;
    this.municipalities = municipalities;
    this.colloquial = colloquial;
    this.buyers = buyers;
    this.directions = directions;
  }

  public static Vocabulary of(Collection<Concept> concepts) {
    return of(concepts, List.of());
  }

  /** Concepts and the municipalities whose names (Finnish or Swedish, in any case) are recognised. */
  public static Vocabulary of(Collection<Concept> concepts, Collection<Municipality> municipalityList) {
    Map<String, Set<String>> terms = new HashMap<>();
    Map<List<String>, Set<String>> phrases = new HashMap<>();
    Map<String, String> colloquial = new HashMap<>();
    Set<String> buyers = new java.util.HashSet<>();
    Map<String, String> directions = new HashMap<>();
    for (Concept c : concepts) {
      if (c.id().startsWith(COLLOQUIAL_PREFIX)) {
        c.terms().forEach(raw -> colloquial.put(raw.strip().toLowerCase(Locale.ROOT), c.name().fi()));
        continue;
      }
      if (c.namesBuyer()) {
        buyers.add(c.id());
      }
      if (c.direction() != null) {
        directions.put(c.id(), c.direction());
      }
      for (String raw : c.allTerms()) {
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
    Map<String, Municipality> names = new HashMap<>();
    for (Municipality m : municipalityList) {
      names.put(m.name().fi().toLowerCase(Locale.ROOT), m);
      m.name().exactly("sv").ifPresent(sv -> names.putIfAbsent(sv.toLowerCase(Locale.ROOT), m));
      // "Pedersören kunta" is written as plain "Pedersöre" too.
      String first = m.name().fi().split(" ")[0].toLowerCase(Locale.ROOT);
      names.putIfAbsent(first, m);
    }
    return new Vocabulary(Map.copyOf(t), Map.copyOf(p), Map.copyOf(names), Map.copyOf(colloquial), Set.copyOf(buyers), Map.copyOf(directions));
  }

  /**
   * Whether the concept names a kind of buyer ("kauppaketju"), and so still applies where a
   * sentence names the one something is sold to.
   */
  public boolean namesBuyer(String concept) {
    return buyers.contains(concept);
  }

  /**
   * Whether a word in the given case (the analyser's name, e.g. "sisaeronto") can express the
   * concept: a place something goes to ("vienti EU:n ulkopuolelle") is not written in a case of
   * coming from ("Kiinasta": elative, ablative), nor a place something comes from in a case of
   * going to ("Kiinaan": illative, allative). Concepts without a direction fit every case.
   */
  public boolean fitsCase(String concept, String grammaticalCase) {
    String direction = directions.get(concept);
    if (direction == null || grammaticalCase == null) {
      return true;
    }
    return direction.equals(Concept.TO) ? !FROM_CASES.contains(grammaticalCase) : !TO_CASES.contains(grammaticalCase);
  }

  private static final Set<String> FROM_CASES = Set.of("sisaeronto", "ulkoeronto");
  private static final Set<String> TO_CASES = Set.of("sisatulento", "ulkotulento");

  /**
   * The standard written form of a colloquial spelling ("mä" → minä, "tarttee" → tarvitsee),
   * compared in lower case; empty if the vocabulary has none.
   */
  public java.util.Optional<String> standardForm(String word) {
    return java.util.Optional.ofNullable(colloquial.get(word.toLowerCase(Locale.ROOT)));
  }

  /** The municipality a proper name refers to, if any. */
  public java.util.Optional<Municipality> municipality(String name) {
    return java.util.Optional.ofNullable(municipalities.get(name.toLowerCase(Locale.ROOT)));
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
