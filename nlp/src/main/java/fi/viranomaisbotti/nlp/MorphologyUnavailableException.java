package fi.viranomaisbotti.nlp;

/** The morphological analyser could not be started; the message says what to install. */
public final class MorphologyUnavailableException extends RuntimeException {
  public MorphologyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
