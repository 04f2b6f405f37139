package fi.viranomaisbotti.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a request line over the header
 * limit, malformed HTTP), in the same JSON shape as every other error instead of Jetty's HTML
 * page.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback)
      throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", code);
    error.put("code", code == 400 && message != null && message.contains("UTF-8") ? "bad_encoding" : codeFor(code));
    error.put("message", messageFor(code, message));
    byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("error", error));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static String codeFor(int status) {
    return switch (status) {
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 400 -> "bad_request";
      default -> "http_" + status;
    };
  }

  private static String messageFor(int status, String jettyMessage) {
    return switch (status) {
      case 414 -> "The request line is too long. Search queries are limited to "
          + ApiHandlers.MAX_QUERY_LENGTH + " characters; send long texts in a POST body.";
      case 431 -> "The request headers are too large.";
      case 400 -> jettyMessage != null && jettyMessage.contains("UTF-8")
          ? "The request path is not valid percent-encoded UTF-8."
          : "The request could not be read as HTTP (a malformed path or header).";
      default -> jettyMessage == null || jettyMessage.isBlank()
          ? "The request could not be read as HTTP."
          : "The request could not be read: " + jettyMessage;
    };
  }
}
