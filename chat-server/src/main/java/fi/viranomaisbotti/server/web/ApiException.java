package fi.viranomaisbotti.server.web;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable code and a message
 * that says what is wrong and what is accepted.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }
}
