package fi.viranomaisbotti.server.web;

import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every route the server has, each declared once. The app registers its Javalin routes from it,
 * the error mapper answers 405 with {@code Allow} from it, and tests compare it with the OpenAPI
 * description and check its roles. Immutable and thread-safe.
 */
public final class RouteRegistry {
  private final List<Route> routes;

  public RouteRegistry(List<Route> routes) {
    Set<String> seen = new HashSet<>();
    for (Route r : routes) {
      if (!seen.add(r.signature())) {
        throw new IllegalArgumentException("Route " + r.signature() + " is declared twice; declare each route once.");
      }
    }
    this.routes = List.copyOf(routes);
  }

  public static RouteRegistry of(Route... routes) {
    return new RouteRegistry(List.of(routes));
  }

  public List<Route> routes() {
    return routes;
  }

  /**
   * The HTTP methods served on a request path, in declaration order; empty for an unknown path.
   * WebSocket routes are left out: their GET is an upgrade, not a resource.
   */
  public List<String> methodsFor(String requestPath) {
    List<String> out = new ArrayList<>();
    for (Route r : routes) {
      if (r.kind() != Route.Kind.SOCKET && r.matches(requestPath) && !out.contains(r.method().http())) {
        out.add(r.method().http());
      }
    }
    return out;
  }

  /** Registers every route with Javalin, each answered by its face's object and carrying its role. */
  public void register(JavalinDefaultRoutingApi javalin, Faces faces) {
    for (Route r : routes) {
      if (r.role() == null) {
        throw new IllegalStateException("Route " + r.signature() + " declares no role; give it one of " + List.of(Role.values()) + ".");
      }
      if (r.endpoint() instanceof Route.Socket<?> socket) {
        javalin.ws(r.path(), bind(socket, faces, r), r.role());
      } else {
        Handler handler = bind((Route.Http<?>) r.endpoint(), faces, r);
        switch (r.method()) {
          case GET -> javalin.get(r.path(), handler, r.role());
          case POST -> javalin.post(r.path(), handler, r.role());
          case PUT -> javalin.put(r.path(), handler, r.role());
          case PATCH -> javalin.patch(r.path(), handler, r.role());
          case DELETE -> javalin.delete(r.path(), handler, r.role());
        }
      }
    }
  }

  private static <F> Handler bind(Route.Http<F> http, Faces faces, Route route) {
    F face = faces.get(http.face(), route);
    return ctx -> {
      try {
        http.action().handle(face, ctx);
      } catch (StackOverflowError e) {
        // An Error would pass the exception mappers and reach Jetty as a bare 500; as an exception
        // it is logged once and answered in the JSON shape. The stack is already unwound here.
        throw new IllegalStateException("The request recursed too deeply while being handled", e);
      }
    };
  }

  private static <F> Consumer<WsConfig> bind(Route.Socket<F> socket, Faces faces, Route route) {
    F face = faces.get(socket.face(), route);
    return ws -> socket.configure().accept(face, ws);
  }
}
