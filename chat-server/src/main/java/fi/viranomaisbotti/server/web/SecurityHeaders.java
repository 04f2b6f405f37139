package fi.viranomaisbotti.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Headers every response carries, Jetty's own errors and 404s included, so a browser neither
 * sniffs types, frames our pages, lends them powers they do not use, nor keeps API answers in a
 * cache. Immutable and thread-safe.
 */
public final class SecurityHeaders implements HttpConfiguration.Customizer {
  /** Scripts, styles and the chat's WebSocket only from this server ('self' covers ws: and wss: to it). */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private final Map<String, String> headers;

  /** @param hsts whether the server is reached over HTTPS only, so browsers should never use plain HTTP */
  public SecurityHeaders(boolean hsts) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.put("X-Frame-Options", "DENY");
    h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    if (hsts) {
      h.put("Strict-Transport-Security", "max-age=31536000");
    }
    this.headers = Map.copyOf(h);
  }

  /** Answers that must not be stored: the API's (they hold what a customer wrote) and every error. */
  static boolean noStore(String path) {
    return path == null || path.startsWith("/api/") || path.equals("/health") || path.startsWith("/ws/");
  }

  /** Puts the headers on a response; with {@code noStore}, also {@code Cache-Control: no-store}. */
  public void apply(HttpFields.Mutable response, boolean noStore) {
    headers.forEach(response::put);
    if (noStore) {
      response.put("Cache-Control", "no-store");
    }
  }

  /** Runs for every request Jetty hands on, before any handler: so no route can forget them. */
  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    apply(responseHeaders, noStore(request.getHttpURI().getPath()));
    return request;
  }
}
