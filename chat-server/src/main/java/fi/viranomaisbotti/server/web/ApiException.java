package fi.viranomaisbotti.server.web;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable code and a message
 * that says what is wrong and what is accepted.
 */
public final class ApiException extends RuntimeException {
  private final ErrorMapper.ApiError error;
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
    this.error = new ErrorMapper.ApiError(status, code, message, retryAfterSeconds);
    this.customerMessage = customerMessage;
  }

  /**
   * A refusal that carries more than its message, written beside the error in the body (e.g.
   * {@code "current"}: the item as it stands now, for a stale write).
   */
  public ApiException(int status, String code, String message, java.util.Map<String, Object> details) {
    super(message);
    this.error = new ErrorMapper.ApiError(status, code, message, 0, details);
    this.customerMessage = null;
  }

  /** What the client is told: status, code, message and the retry hint. */
  public ErrorMapper.ApiError error() {
    return error;
  }

  /** The message for the chat page's customer. */
  public String customerMessage() {
    return customerMessage == null ? getMessage() : customerMessage;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  /** 401: the route needs a signed-in account and the request has no valid session. */
  public static ApiException signInRequired() {
    return new ApiException(401, "sign_in_required",
        "This needs a signed-in account: sign in with POST /api/v1/session and send the session cookie it sets.");
  }

  /** 403: the caller is signed in but lacks the role. */
  public static ApiException roleRequired(Role role) {
    return new ApiException(403, "role_required",
        "This needs the role " + role + ", which your account does not have; ask an administrator.");
  }
}
