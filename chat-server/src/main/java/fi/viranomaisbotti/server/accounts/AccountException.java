package fi.viranomaisbotti.server.accounts;

/** An account change that cannot be made, with why; the message says what to do instead. */
public final class AccountException extends RuntimeException {
  /** Why: the request is wrong, names no account, names a taken one, or would lock everyone out. */
  public enum Reason {
    BAD_INPUT,
    NOT_FOUND,
    EXISTS,
    LAST_ADMIN
  }

  private final Reason reason;

  AccountException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
