package fi.viranomaisbotti.server.ops;

import fi.viranomaisbotti.engine.Navigator;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code GET /health}: each component's status; {@code /health/live}: the process answers;
 * {@code /health/ready}: it takes new work (503 while shutting down). Thread-safe.
 */
public final class HealthHandler {
  private final Navigator navigator;
  private final IntSupplier conversations;
  private final Readiness readiness;

  /** @param conversations counts the stored conversations; it fails if the database is down */
  public HealthHandler(Navigator navigator, IntSupplier conversations, Readiness readiness) {
    this.navigator = navigator;
    this.conversations = conversations;
    this.readiness = readiness;
  }

  /** Liveness: the process answers requests; restart it if this fails. */
  public void live(Context ctx) {
    ctx.json(Map.of("status", "up"));
  }

  /**
   * Readiness: knowledge, rules and index are loaded (they are before the app starts) and the
   * server is not shutting down; send it traffic only while this is 200.
   */
  public void ready(Context ctx) {
    if (readiness.isReady()) {
      ctx.json(Map.of("status", "ready", "knowledgeVersion", navigator.knowledge().version()));
    } else {
      ctx.status(503).json(Map.of("status", "shutting_down"));
    }
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
