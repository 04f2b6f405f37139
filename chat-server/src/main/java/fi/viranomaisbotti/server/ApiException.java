package fi.viranomaisbotti.server;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable code and a message
 * that says what is wrong and what is accepted.
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }
}
