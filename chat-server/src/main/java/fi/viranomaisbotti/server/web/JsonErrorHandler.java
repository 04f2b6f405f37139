package fi.viranomaisbotti.server.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a request line over the header
 * limit, malformed HTTP, a body that ends early), answered by the {@link ErrorMapper} in the same
 * JSON shape and with the same security headers as every other answer instead of Jetty's HTML
 * page.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private final ErrorMapper errors;
  private final SecurityHeaders headers;

  public JsonErrorHandler(ErrorMapper errors, SecurityHeaders headers) {
    this.errors = errors;
    this.headers = headers;
  }

  /** Every method gets the JSON body; Jetty's default gives one only to GET, POST and HEAD. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback)
      throws IOException {
    ErrorMapper.ApiError error = cause == null ? null : ErrorMapper.unreadableBody(cause);
    if (error == null || error.status() != code) {
      error = errors.mapJetty(code, message);
    }
    byte[] body = Json.MAPPER.writeValueAsBytes(ErrorMapper.restBody(error));
    headers.apply(response.getHeaders(), true);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
