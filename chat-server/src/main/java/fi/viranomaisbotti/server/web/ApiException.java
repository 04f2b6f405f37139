package fi.viranomaisbotti.server.web;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable code and a message
 * that says what is wrong and what is accepted.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final long retryAfterSeconds;
  private final String customerMessage;

  public ApiException(int status, String code, String message) {
    this(status, code, message, 0, null);
  }

  /**
   * @param retryAfterSeconds when the client may try again (sent as {@code Retry-After}); 0 for
   *     no such hint
   * @param customerMessage the same in Finnish for the chat page, which shows it to the customer;
   *     null to show {@code message}
   */
  public ApiException(int status, String code, String message, long retryAfterSeconds, String customerMessage) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.customerMessage = customerMessage;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The message for the chat page's customer. */
  public String customerMessage() {
    return customerMessage == null ? getMessage() : customerMessage;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }
}
