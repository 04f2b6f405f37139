package fi.viranomaisbotti.nlp;

/**
 * A language decision.
 *
 * @param language ISO 639-1 code ("fi", "sv", "en") or "und" when there is nothing to go on
 * @param confidence between 0 and 1
 */
public record LanguageGuess(String language, double confidence) {
  public static final LanguageGuess UNDETERMINED = new LanguageGuess("und", 0);
}
