package fi.viranomaisbotti.nlp;

/**
 * A named thing found in the text.
 *
 * @param type what it is, e.g. "municipality"
 * @param text the words as written ("Seinäjoella")
 * @param value the normalised value (a municipality's code, "743")
 * @param label a readable name ("Seinäjoki")
 */
public record Entity(String type, String text, String value, String label, int sentence, int start, int end) {
  public static final String MUNICIPALITY = "municipality";
}
