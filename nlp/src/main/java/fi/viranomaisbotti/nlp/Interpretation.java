package fi.viranomaisbotti.nlp;

import java.util.Objects;

/**
 * A word read as another because it was misspelt: "ravintlan" read as "ravintolan". Shown to the
 * user ("Tulkitsin: ravintlan → ravintolan") so that a wrong guess can be corrected.
 *
 * @param from the word as written
 * @param to the spelling it was read as
 */
public record Interpretation(String from, String to) {
  public Interpretation {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
