package fi.viranomaisbotti.server.ops;

import fi.viranomaisbotti.engine.Navigator;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/** {@code GET /health}: each component's status, for liveness and readiness checks. Thread-safe. */
public final class HealthHandler {
  private final Navigator navigator;
  private final IntSupplier conversations;

  /** @param conversations counts the stored conversations; it fails if the database is down */
  public HealthHandler(Navigator navigator, IntSupplier conversations) {
    this.navigator = navigator;
    this.conversations = conversations;
  }

  public void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "up");
    Map<String, Object> components = new LinkedHashMap<>(navigator.status());
    components.put("database", Map.of("status", "up", "conversations", conversations.getAsInt()));
    body.put("components", components);
    ctx.json(body);
  }
}
