package fi.viranomaisbotti.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * The forms of one written word for search: the whole word (first the word as written in lower
 * case, then its lemmas) and, for a compound, its parts. Search weighs a match on the whole word
 * above a match on a part: "vähittäismyyntilupa" should find that permit before every "lupa".
 *
 * @param whole the written form first, then lemmas; never empty
 * @param parts compound parts that are not also whole forms
 */
public record WordForms(List<String> whole, List<String> parts) {
  public WordForms {
    whole = List.copyOf(whole);
    parts = List.copyOf(parts);
    if (whole.isEmpty()) {
      throw new IllegalArgumentException("a word has at least its written form");
    }
  }

  /** The written form in lower case. */
  public String written() {
    return whole.get(0);
  }

  /** Every form, whole forms first. */
  public List<String> all() {
    List<String> out = new ArrayList<>(whole);
    out.addAll(parts);
    return out;
  }
}
