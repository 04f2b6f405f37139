package fi.viranomaisbotti.server;

import com.fasterxml.jackson.databind.MapperFeature;
import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.Navigator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the web application: REST API, WebSocket chat, the chat page and the OpenAPI
 * description. One method, so tests start the same app in-process.
 */
public final class App {
  /** Largest request body accepted, in bytes; larger bodies get 413. */
  static final long MAX_REQUEST_BYTES = 256 * 1024;

  /** Every route the app serves, as "METHOD path"; the OpenAPI test compares against it. */
  static final List<String> ROUTES =
      List.of(
          "GET /health",
          "POST /api/v1/analyze",
          "POST /api/v1/recommendations",
          "GET /api/v1/answers",
          "GET /api/v1/answers/suggest",
          "GET /api/v1/answers/{id}");

  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private App() {}

  public static Javalin create(Navigator navigator, ConversationStore store) {
    ApiHandlers api = new ApiHandlers(navigator, store);
    ChatSocket chat = new ChatSocket(navigator, store);
    String openApi = resource("docs/openapi.yaml");
    return Javalin.create(
        config -> {
          config.jsonMapper(
              new JavalinJackson(Json.MAPPER.copy().disable(MapperFeature.AUTO_DETECT_IS_GETTERS), false));
          config.http.maxRequestSize = MAX_REQUEST_BYTES;
          config.http.defaultContentType = "application/json";
          config.staticFiles.add("/public", Location.CLASSPATH);
          config.startup.showJavalinBanner = false;
          config.jetty.modifyWebSocketServletFactory(f -> f.setMaxTextMessageSize(MAX_REQUEST_BYTES));
          config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));

          config.routes.before(App::securityHeaders);
          config.routes.get("/health", api::health);
          config.routes.post("/api/v1/analyze", api::analyze);
          config.routes.post("/api/v1/recommendations", api::recommendations);
          config.routes.get("/api/v1/answers", api::answers);
          config.routes.get("/api/v1/answers/suggest", api::suggest);
          config.routes.get("/api/v1/answers/{id}", api::answer);
          config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(openApi));
          config.routes.ws("/ws/chat", chat::configure);

          config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
          config.routes.exception(BadInputException.class, (e, ctx) -> error(ctx, 400, "bad_input", e.getMessage()));
          config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404) {
              notFound(ctx);
            } else {
              error(ctx, e.getStatus(), codeFor(e.getStatus()), messageFor(e));
            }
          });
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal_error", "The request failed inside the server. It has been logged; please try again.");
              });
          config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
              notFound(ctx);
            }
          });
          config.routes.error(405, ctx -> error(ctx, 405, "method_not_allowed", "Method " + ctx.method() + " is not allowed on " + ctx.path() + "."));
        });
  }

  /** 404, or 405 with the allowed methods when the path is served with another method. */
  private static void notFound(Context ctx) {
    List<String> allowed = methodsFor(ctx.path());
    if (!allowed.isEmpty() && !allowed.contains(ctx.method().name())) {
      ctx.header("Allow", String.join(", ", allowed));
      error(ctx, 405, "method_not_allowed",
          "Method " + ctx.method() + " is not allowed on " + ApiHandlers.shortened(ctx.path()) + "; use "
              + String.join(" or ", allowed) + ".");
    } else {
      error(ctx, 404, "not_found",
          "No such resource: " + ctx.method() + " " + ApiHandlers.shortened(ctx.path()) + ". See /openapi.yaml.");
    }
  }

  /**
   * The methods {@link #ROUTES} serve on a path ("/api/v1/answers/x" matches
   * "/api/v1/answers/{id}"); Javalin answers a known path with a wrong method as not found.
   */
  static List<String> methodsFor(String path) {
    List<String> out = new ArrayList<>();
    String[] segments = path.split("/", -1);
    for (String route : ROUTES) {
      String[] parts = route.split(" ", 2);
      String[] pattern = parts[1].split("/", -1);
      boolean matches = pattern.length == segments.length;
      for (int k = 0; matches && k < pattern.length; k++) {
        matches = pattern[k].startsWith("{") ? !segments[k].isEmpty() : pattern[k].equals(segments[k]);
      }
      if (matches && !out.contains(parts[0])) {
        out.add(parts[0]);
      }
    }
    return out;
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'");
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 413 -> "request_too_large";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      default -> "http_" + status;
    };
  }

  private static String messageFor(HttpResponseException e) {
    return e.getStatus() == 413
        ? "The request body is larger than " + MAX_REQUEST_BYTES / 1024 + " KiB."
        : e.getMessage();
  }

  static void error(Context ctx, int status, String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", status);
    error.put("code", code);
    error.put("message", message);
    ctx.status(status).json(Map.of("error", error));
  }

  private static String resource(String name) {
    try (InputStream in = App.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + name + " is missing from the class path; is the docs module a dependency?");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
