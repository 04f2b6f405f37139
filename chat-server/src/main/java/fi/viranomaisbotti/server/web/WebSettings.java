package fi.viranomaisbotti.server.web;

import java.util.List;
import java.util.Locale;

/**
 * How the web layer treats clients: limits, which pages may open the chat's WebSocket, and
 * whether the server is reached over HTTPS only. Immutable.
 *
 * @param limits rate, connection and size limits
 * @param allowedOrigins origins ({@code https://example.fi}) whose pages may open a WebSocket;
 *     empty means only the server's own origin (the request's Host)
 * @param hsts send {@code Strict-Transport-Security}: set it when the server is reached only over
 *     HTTPS (TLS ends at a proxy in front of it)
 * @param trustForwardedFor count clients by the last X-Forwarded-For entry: set it only behind a
 *     proxy that sets that header, or a client could pick its own address
 */
public record WebSettings(Limits limits, List<String> allowedOrigins, boolean hsts, boolean trustForwardedFor) {
  public static final WebSettings DEFAULTS = new WebSettings(Limits.DEFAULTS, List.of(), false, false);

  public WebSettings {
    allowedOrigins = allowedOrigins.stream().map(WebSettings::origin).toList();
  }

  /** An origin as browsers send it: scheme and host in lower case, no path, no trailing slash. */
  static String origin(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    if (!(v.startsWith("http://") || v.startsWith("https://")) || v.indexOf('/', v.indexOf("//") + 2) >= 0) {
      throw new IllegalArgumentException("An allowed origin is a scheme and a host, such as https://viranomaisbotti.fi"
          + " or http://localhost:7070, without a path; got '" + value + "'.");
    }
    return v;
  }

  public WebSettings withLimits(Limits l) {
    return new WebSettings(l, allowedOrigins, hsts, trustForwardedFor);
  }
}
