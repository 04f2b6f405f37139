package fi.viranomaisbotti.engine;

/** The caller's input cannot be used; the message says what is wrong and what is accepted. */
public final class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }
}
