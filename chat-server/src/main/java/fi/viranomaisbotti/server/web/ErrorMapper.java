package fi.viranomaisbotti.server.web;

import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.conversation.ConversationBusyException;
import fi.viranomaisbotti.engine.conversation.ConversationFullException;
import fi.viranomaisbotti.engine.conversation.ConversationNotFoundException;
import fi.viranomaisbotti.engine.conversation.HandoffNotFoundException;
import fi.viranomaisbotti.engine.unanswered.UnansweredNotFoundException;
import fi.viranomaisbotti.engine.conversation.HandoffStateException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
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

  /** Longest value echoed in a message, in characters. */
  static final int MAX_ECHO = 80;
  /** Longest message, in characters: a message says what is wrong, it does not repeat the input. */
  static final int MAX_MESSAGE = 500;

  /**
   * What the client is told: an HTTP status, a stable code and a message that says what to do.
   *
   * @param retryAfterSeconds when to try again ({@code Retry-After}), 0 for no hint
   */
  public record ApiError(int status, String code, String message, long retryAfterSeconds, Map<String, Object> details) {
    public ApiError {
      message = withShortEchoes(message);
      details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ApiError(int status, String code, String message, long retryAfterSeconds) {
      this(status, code, message, retryAfterSeconds, Map.of());
    }

    public ApiError(int status, String code, String message) {
      this(status, code, message, 0);
    }
  }

  private final RouteRegistry registry;
  private final ServerMetrics metrics;

  /** A mapper whose error counts go nowhere (for tests and tools). */
  public ErrorMapper(RouteRegistry registry) {
    this(registry, new ServerMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
  }

  /** @param metrics counts every error answered, by code */
  public ErrorMapper(RouteRegistry registry, ServerMetrics metrics) {
    this.registry = registry;
    this.metrics = metrics;
  }

  /** The code for a status when nothing more specific is known; the only table of them. */
  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "sign_in_required";
      case 404 -> "not_found";
      case 403 -> "forbidden";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 413 -> "request_too_large";
      case 414 -> "uri_too_long";
      case 429 -> "rate_limited";
      case 431 -> "headers_too_large";
      case 500 -> "internal_error";
      case 505 -> "http_version_not_supported";
      default -> "http_" + status;
    };
  }

  /**
   * The answer to a failure. {@code where} names the request or conversation in the log line of
   * an unexpected failure (never personal data).
   */
  public ApiError map(Throwable failure, String where) {
    ApiError error = classify(failure, where);
    metrics.error(error.code());
    return error;
  }

  private ApiError classify(Throwable failure, String where) {
    if (failure instanceof ApiException e) {
      return e.error();
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
    if (failure instanceof HandoffNotFoundException e) {
      return new ApiError(404, "handoff_not_found", e.getMessage());
    }
    if (failure instanceof UnansweredNotFoundException e) {
      return new ApiError(404, "unanswered_not_found", e.getMessage());
    }
    if (failure instanceof HandoffStateException e) {
      return new ApiError(409, "handoff_state", e.getMessage());
    }
    if (failure instanceof ConversationFullException e) {
      return new ApiError(413, "conversation_full", e.getMessage());
    }
    if (failure instanceof HttpResponseException e) {
      String message = e.getStatus() == 413
          ? "The request body is larger than " + Json.MAX_BODY_BYTES / 1024 + " KiB."
          : e.getMessage();
      return new ApiError(e.getStatus(), codeFor(e.getStatus()), message);
    }
    ApiError unreadable = unreadableBody(failure);
    if (unreadable != null) {
      return unreadable;
    }
    Throwable overflow = failure;
    while (overflow != null && !(overflow instanceof StackOverflowError)) {
      overflow = overflow.getCause();
    }
    if (overflow != null) {
      // Its trace is a thousand identical lines of the JDK; the first frames of our code name the culprit.
      LOG.error("{} failed: stack overflow under {}", where, java.util.Arrays.stream(overflow.getStackTrace())
          .filter(f -> !f.getClassName().startsWith("java.")).limit(6).toList());
    } else {
      LOG.error("{} failed", where, failure);
    }
    return new ApiError(500, codeFor(500), "The request failed inside the server. It has been logged; please try again.");
  }

  /**
   * A request body Jetty could not read (it ended before its Content-Length, its chunked encoding
   * is malformed, or it stalled), found anywhere in the failure's causes; null for other failures.
   * These are the client's doing, so 400 (408 for a stall), not 500.
   */
  static ApiError unreadableBody(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return mapJettyStatus(http.getCode(), http.getReason());
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
          return mapJettyStatus(http.getCode(), http.getReason());
        }
      }
    }
    depth = 0;
    for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t instanceof EofException) {
        return new ApiError(400, codeFor(400), TRUNCATED);
      }
      if (t instanceof TimeoutException) {
        return new ApiError(408, codeFor(408), "The request body did not arrive in time; send the whole body at once.");
      }
    }
    return null;
  }

  /** Jetty reports a body cut short and a broken chunk the same way (an early end of input). */
  private static final String TRUNCATED =
      "The request body ended early: it is shorter than its Content-Length, or its chunked encoding is malformed."
          + " Send the whole body, with a correct Content-Length or valid chunks.";

  /**
   * An error Jetty answers before a request reaches Javalin (a request line over the header
   * limit, malformed HTTP), from Jetty's status and reason.
   */
  public ApiError mapJetty(int status, String jettyMessage) {
    ApiError error = mapJettyStatus(status, jettyMessage);
    metrics.error(error.code());
    return error;
  }

  private static ApiError mapJettyStatus(int status, String jettyMessage) {
    String reason = jettyMessage == null ? "" : jettyMessage.toLowerCase(java.util.Locale.ROOT);
    if (status == 400 && reason.contains("chunk")) {
      return new ApiError(400, codeFor(400),
          "The request body's chunked encoding is malformed (a chunk size that is not hexadecimal, or a chunk that does"
              + " not end where its size says); send a valid chunked body or a Content-Length.");
    }
    if (status == 400 && (reason.contains("early eof") || reason.contains("eof"))) {
      return new ApiError(400, codeFor(400), TRUNCATED);
    }
    if (status == 400 && reason.contains("content-length")) {
      return new ApiError(400, codeFor(400),
          "The Content-Length header is invalid (not a number, given twice, or sent with chunked encoding).");
    }
    boolean encoding = status == 400 && jettyMessage != null && jettyMessage.contains("UTF-8");
    String message = switch (status) {
      case 414 -> "The request line is too long. Search queries are limited to "
          + QueryParams.MAX_QUERY_LENGTH + " characters; send long texts in a POST body.";
      case 431 -> "The request headers are too large.";
      case 505 -> "The HTTP version is not supported; use HTTP/1.1 or HTTP/2.";
      case 408 -> "The request did not arrive in time; send it again.";
      case 400 -> encoding
          ? "The request path is not valid percent-encoded UTF-8."
          : "The request could not be read as HTTP (a malformed path or header).";
      default -> jettyMessage == null || jettyMessage.isBlank()
          ? "The request could not be read as HTTP."
          : "The request could not be read as HTTP (" + QueryParams.shortened(jettyMessage) + ").";
    };
    return new ApiError(status, encoding ? "bad_encoding" : codeFor(status), message);
  }

  /**
   * A message fit to send: every value it echoes cut to {@value #MAX_ECHO} characters (a word
   * without spaces, or a quoted value), the whole to {@value #MAX_MESSAGE}, and broken surrogate
   * pairs replaced, so an error never repeats a caller's 256 KiB back, nor fails to encode.
   * Linear in the message's length.
   */
  static String withShortEchoes(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_MESSAGE + 1));
    int run = 0;
    char quote = 0;
    int quoted = 0;
    for (int i = 0; i < message.length() && out.length() < MAX_MESSAGE; i++) {
      char c = message.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < message.length() && Character.isLowSurrogate(message.charAt(i + 1));
        if (!paired && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(message.charAt(i - 1)))) {
          c = '\uFFFD';
        }
      }
      if (quote != 0 && c == quote && (i + 1 == message.length() || !Character.isLetterOrDigit(message.charAt(i + 1)))) {
        quote = 0;
        run = 0;
        out.append(c);
        continue;
      }
      if (quote == 0 && (c == '\'' || c == '"') && (i == 0 || !Character.isLetterOrDigit(message.charAt(i - 1)))) {
        quote = c;
        quoted = 0;
        out.append(c);
        continue;
      }
      int n = quote != 0 ? ++quoted : Character.isWhitespace(c) ? (run = 0) : ++run;
      if (n == MAX_ECHO + 1) {
        if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
          out.setLength(out.length() - 1);
        }
        out.append('…');
      } else if (n <= MAX_ECHO) {
        out.append(c);
      }
    }
    if (out.length() >= MAX_MESSAGE) {
      out.append('…');
    }
    return out.toString();
  }

  /** A WebSocket error frame, with the code it carries apart for the access log. */
  public record SocketError(String code, String frame) {}

  /**
   * The REST body of an error: {@code {"error": {…}}}, followed by the error's details (the
   * current item of a stale write, the problems of invalid content) beside it.
   */
  public static Map<String, Object> restBody(ApiError error) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("status", error.status());
    inner.put("code", error.code());
    inner.put("message", error.message());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", inner);
    error.details().forEach(body::putIfAbsent);
    return body;
  }

  /**
   * The WebSocket frame of an error. The chat page shows an unexpected failure's message to the
   * customer, so that one is in Finnish and says nothing is lost; the connection stays open.
   */
  public SocketError socketError(Throwable failure, String where) {
    ApiError error = map(failure, where);
    String message = error.status() == 500
        ? "Viestin käsittely epäonnistui. Yritä uudelleen; aiemmat tietosi ovat tallessa."
        : failure instanceof ApiException e ? withShortEchoes(e.customerMessage())
        : failure instanceof ConversationFullException e ? conversationFull(e.maxCharacters())
        : error.message();
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("code", error.code());
    inner.put("message", message);
    if (error.retryAfterSeconds() > 0) {
      inner.put("retryAfter", error.retryAfterSeconds());
    }
    return new SocketError(error.code(), Json.write(Map.of("type", "error", "error", inner)));
  }

  /** What the chat page tells a customer whose conversation is full. */
  private static String conversationFull(long max) {
    return "Tämä keskustelu on täynnä: siihen mahtuu enintään " + max + " merkkiä. Aloita uusi keskustelu avaamalla"
        + " sivu uudessa välilehdessä.";
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

  /**
   * Checks a WebSocket upgrade: a refusal is answered here, in the JSON shape, and the upgrade
   * stopped. Javalin sends a refused upgrade's status without its body, so the body is written
   * and committed before Javalin sees the failure.
   */
  public Handler upgradeCheck(Handler check) {
    return ctx -> {
      try {
        check.handle(ctx);
      } catch (ApiException e) {
        ApiError error = map(e, request(ctx));
        byte[] body = Json.MAPPER.writeValueAsBytes(restBody(error));
        HttpServletResponse res = ctx.res();
        res.setStatus(error.status());
        if (error.retryAfterSeconds() > 0) {
          res.setHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("application/json; charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.flushBuffer();
        throw e;
      }
    };
  }

  private static void respond(Context ctx, ApiError error) {
    if (error.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(error.retryAfterSeconds()));
    }
    ctx.header("Cache-Control", "no-store");
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
