package fi.viranomaisbotti.server.web;

import java.util.List;
import java.util.Locale;

/**
 * Which pages may open a WebSocket: a browser sends the page's {@code Origin} with every upgrade,
 * so checking it keeps other sites' pages from using a visitor's browser to talk to the chat.
 * Clients that are not browsers send no Origin and are let through (they could send any Origin
 * anyway). Immutable.
 */
final class OriginPolicy {
  private final List<String> allowed;

  /** @param allowed origins as {@link WebSettings#origin} writes them; empty for the server's own only */
  OriginPolicy(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String o = origin.strip().toLowerCase(Locale.ROOT);
    if (!allowed.isEmpty()) {
      return allowed.contains(o);
    }
    int authority = o.indexOf("://");
    return authority > 0 && host != null && o.substring(authority + 3).equals(host.strip().toLowerCase(Locale.ROOT));
  }

  /** What is allowed, for an error message. */
  String describe(String host) {
    return allowed.isEmpty() ? "pages of this server (" + QueryParams.shortened(String.valueOf(host)) + ")" : String.join(", ", allowed);
  }
}
