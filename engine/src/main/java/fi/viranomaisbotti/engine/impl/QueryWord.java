package fi.viranomaisbotti.engine.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * One word of a query as the index's terms: the whole word's forms (as written first, then
 * lemmas, stem and concepts) and the forms of its compound parts. Immutable.
 */
record QueryWord(List<String> whole, List<String> parts) {
  QueryWord {
    whole = List.copyOf(whole);
    parts = List.copyOf(parts);
  }

  /** The whole word's forms, then its parts'. */
  List<String> all() {
    List<String> out = new ArrayList<>(whole);
    out.addAll(parts);
    return out;
  }
}
