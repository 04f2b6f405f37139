package fi.viranomaisbotti.knowledge;

import java.util.HashMap;
import java.util.Map;

/**
 * The smallest corpus the loader tests build on: the retired AVI with its 2026 successor, and the
 * alcohol-serving licence that successor grants. Tests add the files their case needs.
 */
final class CorpusFixture {
  private CorpusFixture() {}

  /** The files, each item carrying the given meta line. */
  static Map<String, String> servingLicence(String meta) {
    Map<String, String> files = new HashMap<>();
    files.put("corpus.yaml", "name: test\n");
    files.put("actors/a.yaml", """
        - id: avi
          type: REGIONAL_STATE
          name: {fi: Aluehallintovirasto}
          validTo: 2025-12-31
          successor: lupa-ja-valvontavirasto
          %1$s
        - id: lupa-ja-valvontavirasto
          type: STATE_AGENCY
          name: {fi: Lupa- ja valvontavirasto, sv: Tillstånds- och tillsynsverket}
          validFrom: 2026-01-01
          %1$s
        """.formatted(meta));
    files.put("obligations/o.yaml", """
        - id: anniskelulupa
          kind: PERMIT
          name: Anniskelulupa
          actor: lupa-ja-valvontavirasto
          phase: PERMITS
          %s
        """.formatted(meta));
    return files;
  }
}
