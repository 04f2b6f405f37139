package fi.viranomaisbotti.server.web;

import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * One route, declared once: what it is, its method and path, the role it needs and the face
 * method that answers it. The face object is bound when the app is built ({@link Faces}), so the
 * declaration can be read without a running server. Immutable.
 *
 * @param role who may call it; null only in a broken declaration, which the registry test catches
 */
public record Route(Kind kind, Method method, String path, Role role, Endpoint<?> endpoint) {

  /** How a route is used, and so where it is described. */
  public enum Kind {
    /** Part of the REST API: described in docs/openapi.yaml. */
    API,
    /** A page or document for browsers (the OpenAPI text), not part of the API description. */
    PAGE,
    /** A WebSocket endpoint (its protocol is in docs/api.md); opened with a GET upgrade. */
    SOCKET
  }

  /** The HTTP methods routes use. */
  public enum Method {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE;

    /** "GET", as in HTTP and in openapi.yaml's upper-cased keys. */
    public String http() {
      return name().toUpperCase(Locale.ROOT);
    }
  }

  /** A face method answering HTTP requests; may throw, the error mapper answers. */
  @FunctionalInterface
  public interface HttpAction<F> {
    void handle(F face, Context ctx) throws Exception;
  }

  /** What answers a route: a method of one face's object. */
  public sealed interface Endpoint<F> permits Http, Socket {
    Class<F> face();
  }

  public record Http<F>(Class<F> face, HttpAction<F> action) implements Endpoint<F> {}

  public record Socket<F>(Class<F> face, BiConsumer<F, WsConfig> configure) implements Endpoint<F> {}

  public Route {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("A route path must start with '/', got '" + path + "'.");
    }
    if ((kind == Kind.SOCKET) != (endpoint instanceof Socket)) {
      throw new IllegalArgumentException(
          "Route " + method + " " + path + " is declared as " + kind + " but answered by " + endpoint
              + "; WebSocket routes need a Socket endpoint and only they.");
    }
  }

  public static <F> Route api(Method method, String path, Role role, Class<F> face, HttpAction<F> action) {
    return new Route(Kind.API, method, path, role, new Http<>(face, action));
  }

  public static <F> Route page(String path, Role role, Class<F> face, HttpAction<F> action) {
    return new Route(Kind.PAGE, Method.GET, path, role, new Http<>(face, action));
  }

  public static <F> Route socket(String path, Role role, Class<F> face, BiConsumer<F, WsConfig> configure) {
    return new Route(Kind.SOCKET, Method.GET, path, role, new Socket<>(face, configure));
  }

  /** "GET /health", as people and the OpenAPI test write a route. */
  public String signature() {
    return (kind == Kind.SOCKET ? "WS" : method.http()) + " " + path;
  }

  /**
   * Whether a request path is this route's path: "{id}" matches one non-empty segment
   * ("/api/v1/answers/x" is "/api/v1/answers/{id}").
   */
  public boolean matches(String requestPath) {
    String[] pattern = path.split("/", -1);
    String[] segments = requestPath.split("/", -1);
    if (pattern.length != segments.length) {
      return false;
    }
    for (int k = 0; k < pattern.length; k++) {
      boolean ok = pattern[k].startsWith("{") ? !segments[k].isEmpty() : pattern[k].equals(segments[k]);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
