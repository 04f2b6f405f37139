package fi.viranomaisbotti.server.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objects that answer routes (one per face class: the REST handlers, the chat socket, the
 * health check …), given to {@link RouteRegistry#register} when the app is built. Immutable.
 */
public final class Faces {
  private final Map<Class<?>, Object> byClass;

  private Faces(Map<Class<?>, Object> byClass) {
    this.byClass = byClass;
  }

  public static Faces of(Object... faces) {
    Map<Class<?>, Object> out = new LinkedHashMap<>();
    for (Object face : faces) {
      if (out.put(face.getClass(), face) != null) {
        throw new IllegalArgumentException(
            "Two " + face.getClass().getSimpleName() + " objects were given; a route could not tell which answers it. Give one.");
      }
    }
    return new Faces(Map.copyOf(out));
  }

  <F> F get(Class<F> face, Route route) {
    Object found = byClass.get(face);
    if (found == null) {
      throw new IllegalStateException(
          "Route " + route.signature() + " is answered by " + face.getSimpleName() + ", but the app was built without one;"
              + " pass it to Faces.of(...), or remove the route from the registry.");
    }
    return face.cast(found);
  }
}
