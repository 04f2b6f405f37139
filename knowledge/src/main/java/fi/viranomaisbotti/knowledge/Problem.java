package fi.viranomaisbotti.knowledge;

/**
 * One thing wrong with the corpus, precise enough for an editor to fix it.
 *
 * @param file path of the corpus file, relative to the corpus root
 * @param item id of the item, or "-" when the problem is with the file itself
 * @param message what is wrong and what to do
 * @param severity errors stop loading; warnings are reported only
 */
public record Problem(String file, String item, String message, Severity severity) {

  /** How serious a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Problem error(String file, String item, String message) {
    return new Problem(file, item, message, Severity.ERROR);
  }

  public static Problem warning(String file, String item, String message) {
    return new Problem(file, item, message, Severity.WARNING);
  }

  @Override
  public String toString() {
    return severity + " " + file + " [" + item + "]: " + message;
  }
}
