package fi.viranomaisbotti.server.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log event per HTTP request and per chat turn, for operators: what kind of request, its
 * outcome and how long it took, as event fields (in the JSON log, each a field of its own). Never
 * the text, the facts, a query string or a path as typed: a request is named by its route
 * template ({@code /api/v1/answers/{id}}), a conversation by its reference. Logged under {@value
 * #NAME} at INFO, so operators can turn it down on its own (ACCESS_LOG_LEVEL). Thread-safe.
 */
public final class AccessLog {
  public static final String NAME = "fi.viranomaisbotti.server.access";
  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private AccessLog() {}

  /** Javalin's request logger: route, method, status and duration of every HTTP request. */
  public static void http(Context ctx, Float millis) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    LOG.atInfo()
        .addKeyValue("event", "http")
        .addKeyValue("method", ctx.method().name())
        .addKeyValue("route", endpoint == null ? "(static or unmatched)" : endpoint.path)
        .addKeyValue("status", ctx.statusCode())
        .addKeyValue("durationMs", Math.round(millis * 10) / 10.0)
        .log("HTTP request");
  }

  /**
   * A chat turn over the WebSocket.
   *
   * @param type the message's type if it is one of the protocol's, else "other"
   * @param conversation the conversation's reference ({@code c-1a2b3c4d}), or null before one exists
   * @param errorCode the error answered, or null for a reply
   */
  public static void chatTurn(String type, String conversation, String errorCode, long nanos) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    LOG.atInfo()
        .addKeyValue("event", "chat_turn")
        .addKeyValue("type", type)
        .addKeyValue("conversation", conversation == null ? "none" : conversation)
        .addKeyValue("outcome", errorCode == null ? "reply" : "error")
        .addKeyValue("errorCode", errorCode == null ? "" : errorCode)
        .addKeyValue("durationMs", Math.round(nanos / 100_000.0) / 10.0)
        .log("Chat turn");
  }
}
