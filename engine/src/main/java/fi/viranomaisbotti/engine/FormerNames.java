package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.knowledge.Actor;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.Token;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names of authorities that no longer exist, as customers still write them ("AVI:lta",
 * "ELY-keskukseen", "TE-toimistossa"): each one found is explained by a notice naming the
 * authority that took over, from the actors' {@code validTo} and {@code successor} in the corpus.
 * Stateless; thread-safe.
 */
final class FormerNames {
  private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy", Locale.ROOT);

  private FormerNames() {}

  /** One notice per former authority the text names, in the order first named. */
  static List<String> notices(KnowledgeSnapshot k, AnalysedText text) {
    Map<String, Actor> byName = new LinkedHashMap<>();
    for (Actor a : k.actors().values()) {
      if (a.successor() == null) {
        continue;
      }
      byName.putIfAbsent(key(a.name().fi()), a);
      a.aliases().forEach(alias -> byName.putIfAbsent(key(alias), a));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Token t : text.tokens()) {
      if (!t.isWord()) {
        continue;
      }
      String written = t.text();
      int colon = written.indexOf(':');
      String stem = colon > 0 ? written.substring(0, colon) : written;
      Actor former = byName.get(key(t.lemma()));
      former = former != null ? former : byName.get(key(stem));
      if (former != null && !out.containsKey(former.id())) {
        out.put(former.id(), notice(k, written, former));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String notice(KnowledgeSnapshot k, String written, Actor former) {
    Actor now = k.current(former.id());
    StringBuilder s = new StringBuilder();
    s.append('"').append(written).append("\": ").append(former.name().fi());
    if (former.validTo() != null) {
      s.append(" toimi ").append(FINNISH_DATE.format(former.validTo())).append(" asti");
    } else {
      s.append(" ei enää toimi");
    }
    if (now != null && now != former) {
      s.append("; sen tehtävät hoitaa nyt ").append(now.name().fi());
    }
    s.append('.');
    if (former.description() != null && !former.description().isBlank()) {
      s.append(' ').append(former.description().strip());
    }
    return s.toString();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).strip();
  }
}
