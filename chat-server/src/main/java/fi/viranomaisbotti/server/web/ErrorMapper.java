package fi.viranomaisbotti.server.web;

import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.conversation.ConversationBusyException;
import fi.viranomaisbotti.engine.conversation.ConversationNotFoundException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into an error answer, for REST, the WebSocket and the errors
 * Jetty answers itself: one table of codes, one JSON shape ({@code {"error": {status, code,
 * message}}}; over the WebSocket {@code {"type": "error", "error": {code, message}}}). Unexpected
 * failures are logged here and answered as {@code internal_error}. Thread-safe.
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** What the client is told: an HTTP status, a stable code and a message that says what to do. */
  public record ApiError(int status, String code, String message) {}

  private final RouteRegistry registry;

  public ErrorMapper(RouteRegistry registry) {
    this.registry = registry;
  }

  /** The code for a status when nothing more specific is known; the only table of them. */
  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "request_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 500 -> "internal_error";
      default -> "http_" + status;
    };
  }

  /**
   * The answer to a failure. {@code where} names the request or conversation in the log line of
   * an unexpected failure (never personal data).
   */
  public ApiError map(Throwable failure, String where) {
    if (failure instanceof ApiException e) {
      return new ApiError(e.status(), e.code(), e.getMessage());
    }
    if (failure instanceof BadInputException e) {
      return new ApiError(400, "bad_input", e.getMessage());
    }
    if (failure instanceof ConversationNotFoundException e) {
      return new ApiError(404, "conversation_not_found", e.getMessage());
    }
    if (failure instanceof ConversationBusyException e) {
      return new ApiError(409, "conversation_busy", e.getMessage());
    }
    if (failure instanceof HttpResponseException e) {
      String message = e.getStatus() == 413
          ? "The request body is larger than " + Json.MAX_BODY_BYTES / 1024 + " KiB."
          : e.getMessage();
      return new ApiError(e.getStatus(), codeFor(e.getStatus()), message);
    }
    LOG.error("{} failed", where, failure);
    return new ApiError(500, codeFor(500), "The request failed inside the server. It has been logged; please try again.");
  }

  /**
   * An error Jetty answers before a request reaches Javalin (a request line over the header
   * limit, malformed HTTP), from Jetty's status and reason.
   */
  public ApiError mapJetty(int status, String jettyMessage) {
    boolean encoding = status == 400 && jettyMessage != null && jettyMessage.contains("UTF-8");
    String message = switch (status) {
      case 414 -> "The request line is too long. Search queries are limited to "
          + QueryParams.MAX_QUERY_LENGTH + " characters; send long texts in a POST body.";
      case 431 -> "The request headers are too large.";
      case 400 -> encoding
          ? "The request path is not valid percent-encoded UTF-8."
          : "The request could not be read as HTTP (a malformed path or header).";
      default -> jettyMessage == null || jettyMessage.isBlank()
          ? "The request could not be read as HTTP."
          : "The request could not be read: " + jettyMessage;
    };
    return new ApiError(status, encoding ? "bad_encoding" : codeFor(status), message);
  }

  /** The REST body of an error. */
  public static Map<String, Object> restBody(ApiError error) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("status", error.status());
    inner.put("code", error.code());
    inner.put("message", error.message());
    return Map.of("error", inner);
  }

  /**
   * The WebSocket frame of an error. The chat page shows an unexpected failure's message to the
   * customer, so that one is in Finnish and says nothing is lost; the connection stays open.
   */
  public String socketFrame(Throwable failure, String where) {
    ApiError error = map(failure, where);
    String message = error.status() == 500
        ? "Viestin käsittely epäonnistui. Yritä uudelleen; aiemmat tietosi ovat tallessa."
        : error.message();
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("code", error.code());
    inner.put("message", message);
    return Json.write(Map.of("type", "error", "error", inner));
  }

  /** Answers every REST failure, unknown path and wrong method through this mapper. */
  public void install(JavalinConfig config) {
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == 404) {
        notFound(ctx);
      } else {
        respond(ctx, map(e, request(ctx)));
      }
    });
    config.routes.exception(Exception.class, (e, ctx) -> respond(ctx, map(e, request(ctx))));
    config.routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        notFound(ctx);
      }
    });
    config.routes.error(405, ctx -> methodNotAllowed(ctx, registry.methodsFor(ctx.path())));
  }

  private static void respond(Context ctx, ApiError error) {
    ctx.status(error.status()).json(restBody(error));
  }

  /**
   * 404, or 405 with {@code Allow} when the registry serves the path with another method: Javalin
   * answers a known path with a wrong method as not found.
   */
  private void notFound(Context ctx) {
    List<String> allowed = registry.methodsFor(ctx.path());
    if (!allowed.isEmpty() && !allowed.contains(ctx.method().name())) {
      methodNotAllowed(ctx, allowed);
    } else {
      respond(ctx, new ApiError(404, codeFor(404),
          "No such resource: " + ctx.method() + " " + QueryParams.shortened(ctx.path()) + ". See /openapi.yaml."));
    }
  }

  private static void methodNotAllowed(Context ctx, List<String> allowed) {
    String use = allowed.isEmpty() ? "." : "; use " + String.join(" or ", allowed) + ".";
    if (!allowed.isEmpty()) {
      ctx.header("Allow", String.join(", ", allowed));
    }
    respond(ctx, new ApiError(405, codeFor(405),
        "Method " + ctx.method() + " is not allowed on " + QueryParams.shortened(ctx.path()) + use));
  }

  private static String request(Context ctx) {
    return "Request " + ctx.method() + " " + ctx.path();
  }
}
