package fi.viranomaisbotti.server.accounts;

/**
 * A sign-in was refused. A wrong password, an unknown name and a disabled account look the same;
 * a locked account says when to try again.
 */
public final class SignInRefusedException extends RuntimeException {
  private final long retryAfterSeconds;

  SignInRefusedException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds until the lock ends; 0 when the account is not locked. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public boolean locked() {
    return retryAfterSeconds > 0;
  }
}
